import rule from '../../../../src/engine/rules/secrets/postman-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const key = cat('PM', 'AK-', rand(24, HEX, 'pm1'), '-', rand(34, HEX, 'pm2'));

ruleTester(rule, {
  valid: [`key = "${cat('PM', 'AK-')}${rand(24, HEX, 'a')}"`, `key = "${cat('PM', 'AK-')}${'x'.repeat(24)}-${'x'.repeat(34)}"`, 'POSTMAN_API_KEY=${POSTMAN_API_KEY}'],
  invalid: [
    { code: `POSTMAN_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `curl -H "X-Api-Key: ${key}" https://api.getpostman.com/collections`, path: 'a.sh', secret: key },
    { code: `postman:\n  api_key: "${key}"\n`, path: 'c.yml', secret: key, line: 2 },
  ],
});
