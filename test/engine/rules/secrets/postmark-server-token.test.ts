import rule from '../../../../src/engine/rules/secrets/postmark-server-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const uuid = (s: string): string => [8, 4, 4, 4, 12].map((n, i) => rand(n, HEX, s + i)).join('-');
const token = uuid('pm');

ruleTester(rule, {
  valid: [
    `request_id = "${token}"`, // a bare UUID
    `postmark_template_id = "${token}"`, // no credential word
    `postmark_server_token_id = "${token}"`, // names an id
    'POSTMARK_SERVER_TOKEN=${POSTMARK_SERVER_TOKEN}',
    `postmark_api_token = "00000000-0000-0000-0000-000000000000"`,
    `postmark:\n  region: ${token}`, // nested, not a credential key
    `postmark:\n  client_id: ${token}`, // nested, an id
    `postmark:\n  server_token: ${'0'.repeat(8) + '-0000-0000-0000-' + '0'.repeat(12)}`, // nested placeholder
  ],
  invalid: [
    { code: `POSTMARK_SERVER_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `const client = new postmark.ServerClient(postmarkToken = "${token}");`, secret: token },
    { code: `curl -H "X-Postmark-Server-Token: ${token}" https://api.postmarkapp.com/email`, path: 'a.sh', secret: token },
    { code: `postmark:\n  api_token: x\npostmark_account_token: '${token}'`, path: 'c.yml', secret: token, line: 3 },
    { code: `postmark:\n  server_token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[postmark]\nserver_token = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - postmark:\n      server_token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
