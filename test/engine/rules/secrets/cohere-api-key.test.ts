import rule from '../../../../src/engine/rules/secrets/cohere-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM } from '../../../helpers/tokens.js';

const key = rand(40, ALNUM, 'cohere');

ruleTester(rule, {
  valid: [
    `api_key = "${key}"`,
    `incoherent_key = "${key}"`,
    `COHERE_API_KEY=${rand(39, ALNUM, 'c')}`,
    `COHERE_API_KEY=\${COHERE_API_KEY}`,
    `co = cohere.Client(os.environ["CO_API_KEY"])`,
    `cohere_model = "${key}"`,
    `COHERE_API_KEY="your-cohere-api-key-goes-here-123456789"`,
  ],
  invalid: [
    { code: `COHERE_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `export CO_API_KEY="${key}"`, path: 'setup.sh', secret: key },
    { code: `co = cohere.Client("${key}")`, path: 'chat.py', secret: key },
    { code: `co = cohere.ClientV2(api_key="${key}")`, path: 'embed.py', secret: key },
    { code: `const cohere = new CohereClient({ token: "${key}" });`, path: 'index.ts', secret: key },
    { code: `cohere:\n  apiKey: ${key}`, path: 'config.yaml', secret: key },
    { code: `{"cohereKey": "${key}"}`, path: 'secrets.json', secret: key },
  ],
});
