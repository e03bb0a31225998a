import rule from '../../../../src/engine/rules/secrets/codecov-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const h = rand(32, HEX, 'codecov');
const upload = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
const api = rand(32, LOWER_ALNUM, 'codecov-api');

ruleTester(rule, {
  valid: [
    `codecov_url: https://codecov.io/gh/acme/app/${upload}`, // not a credential name
    `CODECOV_COMMIT_TOKEN=${rand(40, HEX, 'sha')}`, // a 40-hex commit, not a token
    `codecov_token: ${rand(12, ALNUM, 'short')}`,
    'CODECOV_TOKEN=${{ secrets.CODECOV_TOKEN }}',
    'codecov_token: abcdefghijklmnopqrstuvwxyzabcdef',
    `codecov:\n  region: ${upload}`, // nested, not a credential key
    `codecov:\n  client_id: ${upload}`, // nested, an id
    `codecov:\n  token: ${'0'.repeat(8) + '-0000-0000-0000-' + '0'.repeat(12)}`, // nested placeholder
  ],
  invalid: [
    { code: `- uses: codecov/codecov-action@v4\n  with:\n    token: x\nCODECOV_TOKEN=${upload}`, path: 'ci.yml', secret: upload, line: 4 },
    { code: `codecov_token: "${upload}"`, path: 'codecov.yml', secret: upload, count: 1 },
    { code: `bash <(curl -s https://codecov.io/bash) -t ${upload}\ncodecovToken = '${api}'`, path: 'ci.sh', secret: api, line: 2 },
    { code: `<codecovToken>\n    ${api}\n</codecovToken>`, path: 'pom.xml', secret: api, line: 2 },
    { code: `codecov:\n  token: ${upload}\n`, path: 'config.yml', secret: upload, count: 1 },
    { code: `[codecov]\ntoken = "${upload}"\n`, path: 'settings.toml', secret: upload },
    { code: `services:\n  - codecov:\n      token: ${upload}\n`, path: 'config.yml', secret: upload },
  ],
});
