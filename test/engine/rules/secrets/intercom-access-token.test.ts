import rule from '../../../../src/engine/rules/secrets/intercom-access-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, B64URL } from '../../../helpers/tokens.js';

const token = Buffer.from(`tok:${rand(36, ALNUM, 'ic')}`).toString('base64');
const other = rand(60, B64URL, 'ico');

ruleTester(rule, {
  valid: [
    `x = "${Buffer.from('tok:short').toString('base64')}"`, // too short
    `api_token = "${other}"`, // no provider name
    `intercom_app_id = "abc123"`,
    'INTERCOM_ACCESS_TOKEN=${INTERCOM_ACCESS_TOKEN}',
    `intercom:\n  region: ${other}`, // nested, not a credential key
    `intercom:\n  client_id: ${other}`, // nested, an id
    `intercom:\n  access_token: ${'a'.repeat(60)}`, // nested placeholder
  ],
  invalid: [
    { code: `INTERCOM_ACCESS_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `const client = new Client({ tokenAuth: { token: '${token}' } });`, secret: token },
    { code: `intercom token = '${other}'`, secret: other },
    { code: `intercom:\n  x: 1\nintercom_api_key: ${other}`, path: 'c.yml', secret: other, line: 3 },
    { code: `intercom:\n  access_token: ${other}\n`, path: 'config.yml', secret: other, count: 1 },
    { code: `[intercom]\naccess_token = "${other}"\n`, path: 'settings.toml', secret: other },
    { code: `services:\n  - intercom:\n      access_token: ${other}\n`, path: 'config.yml', secret: other },
  ],
});
