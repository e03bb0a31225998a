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
  ],
  invalid: [
    { code: `AIRTABLE_TOKEN=${pat}`, path: '.env', secret: pat, count: 1 },
    { code: `const base = new Airtable({ apiKey: "${pat}" }).base("app1");`, secret: pat },
    { code: `curl -H "Authorization: Bearer ${pat}" https://api.airtable.com/v0/meta/bases`, path: 'a.sh', secret: pat },
    { code: `AIRTABLE_API_KEY=${legacy}`, path: '.env', secret: legacy },
  ],
});
