import rule from '../../../../src/engine/rules/secrets/percy-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const token = rand(64, HEX, 'percy');
const prefixed = `web_${rand(64, HEX, 'percy-web')}`;

ruleTester(rule, {
  valid: [
    `PERCY_BRANCH=${token}`, // not a credential name
    `PERCY_TOKEN=${rand(40, HEX, 'short')}`,
    'PERCY_TOKEN=${{ secrets.PERCY_TOKEN }}',
    `PERCY_TOKEN=${'f'.repeat(64)}`,
    `percy:\n  region: ${token}`, // nested, not a credential key
    `percy:\n  client_id: ${token}`, // nested, an id
    `percy:\n  token: ${'a'.repeat(64)}`, // nested placeholder
  ],
  invalid: [
    { code: `PERCY_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `env:\n  PERCY_TOKEN: ${prefixed}\n`, path: '.github/workflows/visual.yml', secret: prefixed, line: 2 },
    { code: `percy token = 'PERCY_TOKEN=${token}'`, path: 'notes.txt', secret: token },
    { code: `percy:\n  token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[percy]\ntoken = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - percy:\n      token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
