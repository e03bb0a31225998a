import rule from '../../../../src/engine/rules/secrets/zendesk-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM } from '../../../helpers/tokens.js';

const token = rand(40, ALNUM, 'zd');

ruleTester(rule, {
  valid: [
    `api_token = "${token}"`, // no provider name
    `zendesk_subdomain = "mycompany"`,
    `zendesk_api_token = "${'x'.repeat(40)}"`,
    `zendesk_api_token = "${rand(39, ALNUM, 'short')}"`,
    'ZENDESK_API_TOKEN=${ZENDESK_API_TOKEN}',
    `zendesk:\n  subdomain: ${token}`, // nested, not a credential key
    `zendesk:\n  api_token: ${'x'.repeat(40)}`, // nested placeholder
  ],
  invalid: [
    { code: `ZENDESK_API_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `zendesk:\n  x: 1\nzendeskToken: "${token}"`, path: 'c.yml', secret: token, line: 3 },
    { code: `zendeskapi token - '${token}'`, secret: token },
    { code: `<zendeskToken>\n  ${token}\n</zendeskToken>`, path: 'a.xml', secret: token, line: 2 },
    { code: `zendesk:\n  api_token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[zendesk]\ntoken = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `integrations:\n  - zendesk:\n      api_token: ${token}\n`, path: 'config.yml', secret: token },
    { code: `zendesk:\n  - token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
