import rule from '../../../../src/engine/rules/secrets/hubspot-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const uuid = (s: string): string => [8, 4, 4, 4, 12].map((n, i) => rand(n, HEX, s + i)).join('-');
const pat = cat('pat', '-na1-', uuid('hs'));
const eu = cat('pat', '-eu1-', uuid('hse'));
const legacy = uuid('hsl');

ruleTester(rule, {
  valid: [
    `request_id = "${legacy}"`, // a bare UUID
    `hubspot_portal_id = "${legacy}"`, // no credential word
    `hubspot_form_key_id = "${legacy}"`, // names an id
    `token = "${cat('pat', '-na1-')}${rand(20, HEX, 'a')}"`,
    'HUBSPOT_ACCESS_TOKEN=${HUBSPOT_ACCESS_TOKEN}',
    `hubspot:\n  region: ${legacy}`, // nested, not a credential key
    `hubspot:\n  client_id: ${legacy}`, // nested, an id
    `hubspot:\n  api_key: ${'0'.repeat(8) + '-0000-0000-0000-' + '0'.repeat(12)}`, // nested placeholder
    `hubspot:\n  app_key_id: ${legacy}`, // nested, an id
  ],
  invalid: [
    { code: `const private_app_token = '${eu}';`, secret: eu, count: 1 },
    { code: `hubspot:\n  api:\n    auth-token: ${pat}\n`, path: 'config.yml', secret: pat, line: 3 },
    { code: `// const hapikey = '${legacy}';`, secret: legacy },
    { code: `HUBSPOT_API_KEY=${legacy}`, path: '.env', secret: legacy },
    { code: `curl "https://api.hubapi.com/contacts/v1/lists?hapikey=${legacy}"`, path: 'a.sh', secret: legacy },
    { code: `hubspot:\n  api_key: ${legacy}\n`, path: 'config.yml', secret: legacy, count: 1 },
    { code: `[hubspot]\napi_key = "${legacy}"\n`, path: 'settings.toml', secret: legacy },
    { code: `services:\n  - hubspot:\n      api_key: ${legacy}\n`, path: 'config.yml', secret: legacy },
  ],
});
