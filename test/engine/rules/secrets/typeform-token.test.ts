import rule from '../../../../src/engine/rules/secrets/typeform-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const token = cat('tf', 'p_', rand(44, ALNUM, 'tf1'), '_', rand(14, ALNUM, 'tf2'));
const legacy = rand(44, ALNUM, 'tfl');

ruleTester(rule, {
  valid: [
    "typeform_token = 'tfp_1'",
    `token = "${cat('tf', 'p_')}${rand(20, ALNUM, 'a')}"`,
    `token = "${cat('tf', 'p_')}${'x'.repeat(59)}"`,
    `api_token = "${legacy}"`, // no provider name
    'TYPEFORM_TOKEN=${TYPEFORM_TOKEN}',
    `typeform:\n  region: ${legacy}`, // nested, not a credential key
    `typeform:\n  client_id: ${legacy}`, // nested, an id
    `typeform:\n  token: ${'a'.repeat(44)}`, // nested placeholder
  ],
  invalid: [
    { code: `TYPEFORM_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `const tf = createClient({ token: '${token}' });`, secret: token },
    { code: `typeform token = '${legacy}'`, secret: legacy },
    { code: `typeform:\n  x: 1\ntypeform_api_token: ${token}`, path: 'c.yml', secret: token, line: 3 },
    { code: `typeform:\n  token: ${legacy}\n`, path: 'config.yml', secret: legacy, count: 1 },
    { code: `[typeform]\ntoken = "${legacy}"\n`, path: 'settings.toml', secret: legacy },
    { code: `services:\n  - typeform:\n      token: ${legacy}\n`, path: 'config.yml', secret: legacy },
  ],
});
