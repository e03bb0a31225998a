import rule from '../../../../src/engine/rules/secrets/airtable-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX } from '../../../helpers/tokens.js';

const pat = cat('pa', 't', rand(14, ALNUM, 'atp'), '.', rand(64, HEX, 'ath'));
const legacy = cat('key', rand(14, ALNUM, 'atk'));

ruleTester(rule, {
  valid: [
    `path = "${cat('pa', 't')}${rand(14, ALNUM, 'a')}.${rand(40, HEX, 'b')}"`, // signature too short
    `token = "${cat('pa', 't')}${rand(15, ALNUM, 'c')}.${rand(64, HEX, 'd')}-x"`,
    `api_key = "${legacy}"`, // no provider name
    `airtable_base_id = "app${rand(14, ALNUM, 'e')}"`,
    'AIRTABLE_API_KEY=${AIRTABLE_API_KEY}',
    `airtable:\n  base_id: ${cat('app', rand(14, ALNUM, 'atb'))}`, // nested, an id (17 characters too)
    `airtable:\n  api_key: ${cat('key', 'x'.repeat(14))}`, // nested placeholder
  ],
  invalid: [
    { code: `AIRTABLE_TOKEN=${pat}`, path: '.env', secret: pat, count: 1 },
    { code: `const base = new Airtable({ apiKey: "${pat}" }).base("app1");`, secret: pat },
    { code: `curl -H "Authorization: Bearer ${pat}" https://api.airtable.com/v0/meta/bases`, path: 'a.sh', secret: pat },
    { code: `AIRTABLE_API_KEY=${legacy}`, path: '.env', secret: legacy },
    { code: `airtable:\n  api_key: ${legacy}\n`, path: 'config.yml', secret: legacy, count: 1 },
    { code: `[airtable]\napi_key = "${legacy}"\n`, path: 'settings.toml', secret: legacy },
    { code: `sources:\n  - airtable:\n      api_key: ${legacy}\n`, path: 'config.yml', secret: legacy },
  ],
});
