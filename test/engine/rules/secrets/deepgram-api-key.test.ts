import rule from '../../../../src/engine/rules/secrets/deepgram-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = rand(40, HEX, 'deepgram');

ruleTester(rule, {
  valid: [
    `DEEPGRAM_API_KEY=${rand(39, HEX, 'd')}`,
    `DEEPGRAM_API_KEY=${rand(40, 'ghijklmnopqrstuvwxyz', 'd')}`,
    `DEEPGRAM_API_KEY=\${DEEPGRAM_API_KEY}`,
    `DEEPGRAM_API_KEY=your-api-key-here`,
    `deepgram_model = "${key}"`,
    `deepgram_project_id = "${key}"`,
    'Send Authorization: Token YOUR_DEEPGRAM_API_KEY with every request to Deepgram.',
  ],
  invalid: [
    { code: `DEEPGRAM_API_KEY="${key}"`, path: '.env', secret: key, count: 1 },
    { code: `deepgram:\n  api_key: ${key}`, path: 'config.yml', secret: key },
    { code: `{"deepgramApiKey": "${key}"}`, path: 'config.json', secret: key },
    { code: `deepgram_api_key = "${key}"\nclient = DeepgramClient(deepgram_api_key)`, path: 'transcribe.py', secret: key },
    { code: `const deepgramKey = '${key}';`, path: 'index.ts', secret: key },
  ],
});
