import rule from '../../../../src/engine/rules/secrets/replicate-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const P = cat('r8', '_');
const token = P + rand(37, ALNUM, 'replicate-api-token');

ruleTester(rule, {
  valid: [
    `key = "${P}${rand(37 - 10, ALNUM, 'short')}"`, // too short
    `key = "${P}${rand(37 + 6, ALNUM, 'long')}"`, // too long
    `key = "${P}${'x'.repeat(37)}"`,
    `key = "my${token}"`, // glued to a word
    'REPLICATE_API_TOKEN=${REPLICATE_API_TOKEN}',
    'replicate_api_token: your_api_key',
  ],
  invalid: [
    { code: `REPLICATE_API_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `client = Client(api_key="${token}")`, path: 'app.py', secret: token },
    { code: `settings:\n  replicate_api_token: '${token}'\n`, path: 'config.yml', secret: token, line: 2 },
    { code: `curl -H "Authorization: Bearer ${token}" https://api.example.org/v1/models`, path: 'run.sh', secret: token },
    { code: `{"replicate_api_token": "${token}"}`, path: 'config.json', secret: token },
  ],
});
