import rule from '../../../../src/engine/rules/secrets/deepseek-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const key = cat('sk', '-', rand(32, HEX, 'ds'));

ruleTester(rule, {
  valid: [
    `api_key = "${key}"`, // the prefix alone is shared with other providers
    'DEEPSEEK_API_KEY=${DEEPSEEK_API_KEY}',
    `DEEPSEEK_API_KEY=${cat('sk', '-', rand(20, HEX, 'short'))}`,
    `deepseek_model = "deepseek-chat"`,
    `deepseek:\n  region: ${key}`, // nested, not a credential key
    `deepseek:\n  client_id: ${key}`, // nested, an id
    `deepseek:\n  api_key: ${cat('sk', '-', '0'.repeat(32))}`, // nested placeholder
  ],
  invalid: [
    { code: `DEEPSEEK_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `DEEPSEEK_API_KEY = "${key}"\nclient = OpenAI(base_url="https://api.deepseek.com", api_key=DEEPSEEK_API_KEY)`, path: 'a.py', secret: key, count: 1 },
    { code: `llm:\n  deepseek_api_key: "${key}"\n`, path: 'config.yaml', secret: key, line: 2 },
    { code: `deepseek:\n  api_key: ${key}\n`, path: 'config.yml', secret: key, count: 1 },
    { code: `[deepseek]\napi_key = "${key}"\n`, path: 'settings.toml', secret: key },
    { code: `services:\n  - deepseek:\n      api_key: ${key}\n`, path: 'config.yml', secret: key },
  ],
});
