import rule from '../../../../src/engine/rules/secrets/coinbase-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, B64URL, ALNUM } from '../../../helpers/tokens.js';

const token = rand(64, B64URL, 'cb');
const legacy = rand(32, ALNUM, 'cbl');

ruleTester(rule, {
  valid: [
    `coinbase_api_key_name = "organizations/${rand(8, ALNUM, 'o')}/apiKeys/${rand(8, ALNUM, 'k')}"`,
    `api_secret = "${legacy}"`, // no provider name
    `coinbase_secret = "${'x'.repeat(64)}"`,
    'COINBASE_API_SECRET=${COINBASE_API_SECRET}',
    `coinbase_access_token = "${rand(40, ALNUM, 'short')}"`, // wrong length
    `coinbase:\n  region: ${token}`, // nested, not a credential key
    `coinbase:\n  client_id: ${token}`, // nested, an id
    `coinbase:\n  api_secret: ${'a'.repeat(64)}`, // nested placeholder
  ],
  invalid: [
    { code: `COINBASE_ACCESS_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `coinbaseApiSecret = '${legacy}'`, secret: legacy },
    { code: `coinbase:\n  x: 1\ncoinbase_token: ${token}`, path: 'c.yml', secret: token, line: 3 },
    { code: `<coinbaseToken>\n  ${token}\n</coinbaseToken>`, path: 'a.xml', secret: token, line: 2 },
    { code: `coinbase:\n  api_secret: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[coinbase]\napi_secret = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - coinbase:\n      api_secret: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
