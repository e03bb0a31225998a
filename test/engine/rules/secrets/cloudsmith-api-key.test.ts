import rule from '../../../../src/engine/rules/secrets/cloudsmith-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX, ALNUM } from '../../../helpers/tokens.js';

const key = rand(40, HEX, 'cloudsmith');

ruleTester(rule, {
  valid: [
    `CLOUDSMITH_REPO=${key}`, // not a credential name
    `CLOUDSMITH_API_KEY=${rand(40, ALNUM, 'alnum')}`.replace(/[g-zG-Z]/, 'q'), // not hex
    `CLOUDSMITH_API_KEY=${rand(32, HEX, 'short')}`,
    'CLOUDSMITH_API_KEY=${{ secrets.CLOUDSMITH_API_KEY }}',
    `api_key = "${key}"`, // no provider name
    `cloudsmith_commit: ${key}`, // a commit, not a credential
    `cloudsmith:\n  region: ${key}`, // nested, not a credential key
    `cloudsmith:\n  client_id: ${key}`, // nested, an id
    `cloudsmith:\n  api_key: ${'a'.repeat(40)}`, // nested placeholder
  ],
  invalid: [
    { code: `CLOUDSMITH_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `cloudsmith:\n  api_key: x\ncloudsmith_api_key: "${key}"`, path: 'config.yml', secret: key, line: 3 },
    { code: `api:\n  cloudsmith: "${key}"\n`, path: 'config.yaml', secret: key, line: 2 },
    { code: `<cloudsmithApiKey>\n  ${key}\n</cloudsmithApiKey>`, path: 'settings.xml', secret: key, line: 2 },
    { code: `cloudsmith:\n  api_key: ${key}\n`, path: 'config.yml', secret: key, count: 1 },
    { code: `[cloudsmith]\napi_key = "${key}"\n`, path: 'settings.toml', secret: key },
    { code: `services:\n  - cloudsmith:\n      api_key: ${key}\n`, path: 'config.yml', secret: key },
  ],
});
