import rule from '../../../../src/engine/rules/secrets/privateai-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM } from '../../../helpers/tokens.js';

const key = rand(32, ALNUM, 'privateai');

ruleTester(rule, {
  valid: [`api_key = "${key}"`, `PRIVATEAI_API_KEY=${rand(31, ALNUM, 'p')}`, `PRIVATEAI_API_KEY=\${PRIVATEAI_API_KEY}`, `private_key_path = "${key}"`, `privateai_url = "${key}"`],
  invalid: [
    { code: `PRIVATEAI_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `client = PAIClient(url)\nPRIVATE_AI_KEY = "${key}"`, path: 'deid.py', secret: key },
    { code: `private-ai:\n  api-key: ${key}`, path: 'application.yml', secret: key },
    { code: `{"privateAiApiKey": "${key}"}`, path: 'config.json', secret: key },
  ],
});
