import rule from '../../../../src/engine/rules/secrets/clickup-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, UPPER_ALNUM } from '../../../helpers/tokens.js';

const key = cat('pk', '_', '8421307', '_', rand(32, UPPER_ALNUM, 'clickup'));

ruleTester(rule, {
  valid: [`pk_url_kwarg = "pk"`, `token = "pk_8421307_${rand(31, UPPER_ALNUM, 'a')}"`, `CLICKUP_API_TOKEN=\${CLICKUP_API_TOKEN}`, `token = "pk_12345_ABCDEFGHIJKLMNOPQRSTUVWXYZ123456"`],
  invalid: [
    { code: `CLICKUP_API_TOKEN=${key}`, path: '.env', secret: key, count: 1 },
    { code: `headers = {"Authorization": "${key}"}`, path: 'tasks.py', secret: key },
    { code: `curl -H "Authorization: ${key}" https://api.clickup.com/api/v2/team`, path: 'teams.sh', secret: key },
    { code: `clickup:\n  token: ${key}`, path: 'config.yml', secret: key },
  ],
});
