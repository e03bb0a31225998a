import rule from '../../../../src/engine/rules/secrets/perplexity-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const P = cat('pp', 'lx-');
const token = P + rand(48, ALNUM, 'perplexity-api-key');

ruleTester(rule, {
  valid: [
    `key = "${P}${rand(48 - 10, ALNUM, 'short')}"`, // too short
    `key = "${P}${rand(48 + 6, ALNUM, 'long')}"`, // too long
    `key = "${P}${'x'.repeat(48)}"`,
    `key = "my${token}"`, // glued to a word
    'PERPLEXITY_API_KEY=${PERPLEXITY_API_KEY}',
    'perplexity_api_key: your_api_key',
  ],
  invalid: [
    { code: `PERPLEXITY_API_KEY=${token}`, path: '.env', secret: token, count: 1 },
    { code: `client = Client(api_key="${token}")`, path: 'app.py', secret: token },
    { code: `settings:\n  perplexity_api_key: '${token}'\n`, path: 'config.yml', secret: token, line: 2 },
    { code: `curl -H "Authorization: Bearer ${token}" https://api.example.org/v1/models`, path: 'run.sh', secret: token },
    { code: `{"perplexity_api_key": "${token}"}`, path: 'config.json', secret: token },
  ],
});
