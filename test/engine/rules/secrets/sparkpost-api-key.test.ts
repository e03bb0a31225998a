import rule from '../../../../src/engine/rules/secrets/sparkpost-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = rand(40, HEX, 'sparkpost');

ruleTester(rule, {
  valid: [
    `SPARKPOST_API_KEY=${rand(39, HEX, 's')}`,
    `SPARKPOST_API_KEY=${rand(40, 'ghijklmnopqrstuvwxyz', 's')}`,
    `SPARKPOST_API_KEY=\${SPARKPOST_API_KEY}`,
    `SPARKPOST_API_KEY=0000000000000000000000000000000000000000`,
    `sparkpost_campaign_id = "${key}"`,
    `commit = "${key}"`,
    'Create a key under Configuration → API Keys in SparkPost and export it as SPARKPOST_API_KEY.',
  ],
  invalid: [
    { code: `SPARKPOST_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `sparkpost:\n  api_key: ${key}`, path: 'config.yml', secret: key },
    { code: `{"sparkpostApiKey": "${key}"}`, path: 'config.json', secret: key },
    { code: `SPARKPOST_API_KEY = '${key}'\nEMAIL_BACKEND = 'sparkpost.django.email_backend.SparkPostEmailBackend'`, path: 'settings.py', secret: key },
    { code: `const sparkpostKey = "${key}";`, path: 'mail.ts', secret: key },
  ],
});
