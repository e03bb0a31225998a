import rule from '../../../../src/engine/rules/secrets/opsgenie-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = [rand(8, HEX, 'og1'), rand(4, HEX, 'og2'), rand(4, HEX, 'og3'), rand(4, HEX, 'og4'), rand(12, HEX, 'og5')].join('-');

ruleTester(rule, {
  valid: [
    `api_key = "${key}"`,
    `OPSGENIE_API_KEY=\${OPSGENIE_API_KEY}`,
    `opsgenie_team_id = "${key}"`,
    `curl -H "Authorization: GenieKey $OPSGENIE_KEY" https://api.opsgenie.com/v2/alerts`,
    `OPSGENIE_API_KEY=00000000-0000-0000-0000-000000000000`,
  ],
  invalid: [
    { code: `curl -X POST https://api.opsgenie.com/v2/alerts -H "Authorization: GenieKey ${key}"`, path: 'alert.sh', secret: key, count: 1 },
    { code: `OPSGENIE_API_KEY=${key}`, path: '.env', secret: key },
    { code: `opsgenie_configs:\n  - api_key: ${key}`, path: 'alertmanager.yml', secret: key },
    { code: `provider "opsgenie" {\n  api_key = "${key}"\n}\nopsgenie_api_key = "${key}"`, path: 'main.tf', secret: key },
  ],
});
