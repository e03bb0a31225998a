import rule from '../../../../src/engine/rules/secrets/shippo-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const live = cat('shippo', '_live_', rand(40, HEX, 'shl'));
const test = cat('shippo', '_test_', rand(40, HEX, 'sht'));

ruleTester(rule, {
  valid: [`token = "${cat('shippo', '_live_')}${rand(30, HEX, 'a')}"`, `token = "${cat('shippo', '_prod_')}${rand(40, HEX, 'b')}"`, 'SHIPPO_TOKEN=${SHIPPO_TOKEN}'],
  invalid: [
    { code: `SHIPPO_TOKEN=${live}`, path: '.env', secret: live, count: 1 },
    { code: `shippo.config.api_key = "${test}"`, path: 'a.py', secret: test },
    { code: `curl -H "Authorization: ShippoToken ${live}" https://api.goshippo.com/shipments/`, path: 'a.sh', secret: live },
  ],
});
