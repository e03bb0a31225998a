import rule from '../../../../src/engine/rules/secrets/okta-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const token = cat('00', rand(40, B64URL, 'okt'));

ruleTester(rule, {
  valid: [
    `oktaKey = ${'0'.repeat(35)}TUVWXYZ`, // low entropy
    `rookTable = ${token}`, // not Okta
    `okta_org_url = "https://dev-123.okta.com"`,
    `api_token = "${token}"`, // no provider name
    'OKTA_API_TOKEN=${OKTA_API_TOKEN}',
    `okta:\n  region: ${token}`, // nested, not a credential key
    `okta:\n  client_id: ${token}`, // nested, an id
    `okta:\n  api_token: ${cat('00', 'a'.repeat(40))}`, // nested placeholder
  ],
  invalid: [
    { code: `"oktaApiToken": "${token}",`, path: 'a.json', secret: token, count: 1 },
    { code: `var OktaApiToken = "${token}";`, path: 'A.cs', secret: token },
    { code: `curl -H "Authorization: SSWS ${token}" https://dev-123.okta.com/api/v1/users`, path: 'a.sh', secret: token },
    { code: `okta token - '${token}'`, secret: token },
    { code: `okta:\n  x: 1\nOKTA_CLIENT_TOKEN: ${token}`, path: 'c.yml', secret: token, line: 3 },
    { code: `okta:\n  api_token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[okta]\napi_token = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - okta:\n      api_token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
