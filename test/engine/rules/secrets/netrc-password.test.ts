import rule from '../../../../src/engine/rules/secrets/netrc-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { githubToken, rand } from '../../../helpers/tokens.js';

const pw = rand(22, undefined, 'netrc');
const tok = githubToken('ghp', 'netrc');

ruleTester(rule, {
  valid: [
    { code: 'machine github.com\n  login x-access-token\n  password $GITHUB_TOKEN\n', path: '.netrc' },
    { code: 'machine api.heroku.com login me@corp.test password <api-key>', path: '.netrc' },
    { code: 'machine ftp.corp.test login anonymous password changeme', path: '_netrc' },
    'RUN echo "machine github.com login x password ${GITHUB_TOKEN}" > ~/.netrc',
    // Prose: no host, no login.
    'The machine learning password manager stores credentials.',
    'machine learning login password protection',
  ],
  invalid: [
    { code: `machine github.com\n  login ci-bot\n  password ${tok}\n`, secret: tok, count: 1, line: 3, path: '.netrc' },
    { code: `machine ftp.partner.test login upload password ${pw}\ndefault login anonymous password guest`, secret: pw, count: 1, path: '_netrc' },
    { name: 'inline in a Dockerfile', code: `RUN echo "machine git.corp.test login build password ${pw}" > /root/.netrc`, secret: pw, path: 'Dockerfile' },
  ],
});
