import rule from '../../../../src/engine/rules/secrets/sidekiq-credentials.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const cred = `${rand(8, HEX, 'sk-user')}:${rand(8, HEX, 'sk-pass')}`;

ruleTester(rule, {
  valid: [
    'BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${SIDEKIQ_CREDENTIALS}',
    'export BUNDLE_GEMS__CONTRIBSYS__COM="$SIDEKIQ_CREDS"',
    'BUNDLE_GEMS__CONTRIBSYS__COM: "${{ secrets.SIDEKIQ_CREDS }}"',
    `BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${'0'.repeat(8)}:${'0'.repeat(8)}`,
    'BUNDLE_ENTERPRISE__CONTRIBSYS__COM=abcd1234', // not a pair
    'source "https://enterprise.contribsys.com/" do',
    `http://${cred}@gems.contribsys.com.evil.example.org/`,
  ],
  invalid: [
    { code: `BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${cred}`, path: '.env', secret: cred, count: 1 },
    { code: `export BUNDLE_GEMS__CONTRIBSYS__COM="${cred}"`, path: 'bin/setup', secret: cred },
    { code: `env:\n  BUNDLE_GEMS__CONTRIBSYS__COM: ${cred}\n`, path: '.github/workflows/ci.yml', secret: cred, line: 2 },
    { code: `ENV BUNDLE_ENTERPRISE__CONTRIBSYS__COM ${cred}`, path: 'Dockerfile', secret: cred },
    { code: `bundle config --local gems.contribsys.com ${cred}`, path: 'README.md', secret: cred },
    { code: `bundle config set --global enterprise.contribsys.com ${cred}`, path: 'setup.sh', secret: cred },
    { code: `source "https://${cred}@enterprise.contribsys.com/" do\n  gem "sidekiq-ent"\nend`, path: 'Gemfile', secret: cred, count: 1 },
    { code: `GEM\n  remote: https://${cred}@gems.contribsys.com/\n  specs:`, path: 'Gemfile.lock', secret: cred, line: 2 },
    { code: `http://${cred}@enterprise.contribsys.com#heading1`, secret: cred },
  ],
});

ruleTester(rule, {
  valid: [`BUNDLE_GEMS__CONTRIBSYS__COM_HOST=gems.contribsys.com`],
  invalid: [{ name: 'a suffix after the variable name in code', code: `BUNDLE_ENTERPRISE__CONTRIBSYS__COM_TOKEN = "${cred}"`, path: 'Makefile', secret: cred }],
});
