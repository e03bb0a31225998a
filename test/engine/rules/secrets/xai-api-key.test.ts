import rule from '../../../../src/engine/rules/secrets/xai-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const P = cat('xa', 'i-');
const token = P + rand(80, ALNUM, 'xai-api-key');

ruleTester(rule, {
  valid: [
    `key = "${P}${rand(80 - 10, ALNUM, 'short')}"`, // too short
    `key = "${P}${rand(80 + 6, ALNUM, 'long')}"`, // too long
    `key = "${P}${'x'.repeat(80)}"`,
    `key = "my${token}"`, // glued to a word
    'XAI_API_KEY=${XAI_API_KEY}',
    'xai_api_key: your_api_key',
  ],
  invalid: [
    { code: `XAI_API_KEY=${token}`, path: '.env', secret: token, count: 1 },
    { code: `client = Client(api_key="${token}")`, path: 'app.py', secret: token },
    { code: `settings:\n  xai_api_key: '${token}'\n`, path: 'config.yml', secret: token, line: 2 },
    { code: `curl -H "Authorization: Bearer ${token}" https://api.example.org/v1/models`, path: 'run.sh', secret: token },
    { code: `{"xai_api_key": "${token}"}`, path: 'config.json', secret: token },
  ],
});
