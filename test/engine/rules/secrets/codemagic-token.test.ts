import rule from '../../../../src/engine/rules/secrets/codemagic-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, B64URL } from '../../../helpers/tokens.js';

const token = rand(43, B64URL, 'codemagic');

ruleTester(rule, {
  valid: [
    `CODEMAGIC_APP_ID=${token}`, // not a credential name
    `CODEMAGIC_API_TOKEN=${rand(30, B64URL, 'short')}`,
    `CODEMAGIC_API_TOKEN=${'a'.repeat(43)}`,
    'CODEMAGIC_API_TOKEN=${CM_TOKEN}',
    `codemagic:\n  region: ${token}`, // nested, not a credential key
    `codemagic:\n  client_id: ${token}`, // nested, an id
    `codemagic:\n  api_token: ${'a'.repeat(43)}`, // nested placeholder
  ],
  invalid: [
    { code: `CODEMAGIC_API_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `curl -H "x-auth-token: $T" https://api.codemagic.io/apps\ncodemagic_key: "${token}"`, path: 'ci.sh', secret: token, line: 2 },
    { code: `codemagic:\n  api_token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[codemagic]\napi_token = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - codemagic:\n      api_token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
