import rule from '../../../../src/engine/rules/secrets/fastly-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, B64URL } from '../../../helpers/tokens.js';

const key = rand(32, B64URL, 'fastly');

ruleTester(rule, {
  valid: [
    `api_token = "${key}"`,
    `FASTLY_API_TOKEN=${rand(31, B64URL, 'f')}`,
    `FASTLY_API_TOKEN=\${FASTLY_API_TOKEN}`,
    `fastly_service_id = "${key}"`,
    `FASTLY_API_TOKEN=your_fastly_api_token_here_xxxxx`,
  ],
  invalid: [
    { code: `FASTLY_API_TOKEN=${key}`, path: '.env', secret: key, count: 1 },
    { code: `curl -X POST -H "Fastly-Key: ${key}" https://api.fastly.com/service/SVC/purge_all`, path: 'purge.sh', secret: key },
    { code: `provider "fastly" {\n  api_key = "${key}"\n}\nfastly_api_key = "${key}"`, path: 'main.tf', secret: key },
    { code: `env:\n  FASTLY_API_TOKEN: ${key}`, path: '.github/workflows/deploy.yml', secret: key },
    { code: `{"fastlyToken": "${key}"}`, path: 'cdn.json', secret: key },
  ],
});
