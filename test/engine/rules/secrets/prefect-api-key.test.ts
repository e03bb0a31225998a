import rule from '../../../../src/engine/rules/secrets/prefect-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const P = cat('pn', 'u_');
const token = P + rand(36, ALNUM, 'prefect-api-key');

ruleTester(rule, {
  valid: [
    `key = "${P}${rand(36 - 10, ALNUM, 'short')}"`, // too short
    `key = "${P}${rand(36 + 6, ALNUM, 'long')}"`, // too long
    `key = "${P}${'x'.repeat(36)}"`,
    `key = "my${token}"`, // glued to a word
    'PREFECT_API_KEY=${PREFECT_API_KEY}',
    'prefect_api_key: your_api_key',
  ],
  invalid: [
    { code: `PREFECT_API_KEY=${token}`, path: '.env', secret: token, count: 1 },
    { code: `client = Client(api_key="${token}")`, path: 'app.py', secret: token },
    { code: `settings:\n  prefect_api_key: '${token}'\n`, path: 'config.yml', secret: token, line: 2 },
    { code: `curl -H "Authorization: Bearer ${token}" https://api.example.org/v1/models`, path: 'run.sh', secret: token },
    { code: `{"prefect_api_key": "${token}"}`, path: 'config.json', secret: token },
  ],
});
