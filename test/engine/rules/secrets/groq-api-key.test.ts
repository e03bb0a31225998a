import rule from '../../../../src/engine/rules/secrets/groq-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const P = cat('gs', 'k_');
const token = P + rand(52, ALNUM, 'groq-api-key');

ruleTester(rule, {
  valid: [
    `key = "${P}${rand(52 - 10, ALNUM, 'short')}"`, // too short
    `key = "${P}${rand(52 + 6, ALNUM, 'long')}"`, // too long
    `key = "${P}${'x'.repeat(52)}"`,
    `key = "my${token}"`, // glued to a word
    'GROQ_API_KEY=${GROQ_API_KEY}',
    'groq_api_key: your_api_key',
  ],
  invalid: [
    { code: `GROQ_API_KEY=${token}`, path: '.env', secret: token, count: 1 },
    { code: `client = Client(api_key="${token}")`, path: 'app.py', secret: token },
    { code: `settings:\n  groq_api_key: '${token}'\n`, path: 'config.yml', secret: token, line: 2 },
    { code: `curl -H "Authorization: Bearer ${token}" https://api.example.org/v1/models`, path: 'run.sh', secret: token },
    { code: `{"groq_api_key": "${token}"}`, path: 'config.json', secret: token },
  ],
});
