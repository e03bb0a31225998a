import { defineSecretRule } from './define.js';

/** API keys (`sk-ant-api03-…AA`) and Claude OAuth access/refresh tokens (`sk-ant-oat01-`, `sk-ant-ort01-`). */
export default defineSecretRule({
  id: 'secrets/anthropic-api-key',
  description: 'Anthropic API key',
  severity: 'critical',
  keywords: ['sk-ant-api', 'sk-ant-oat', 'sk-ant-ort'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-(?:api|oat|ort)\d{2}-[A-Za-z0-9_-]{80,120}AA)(?![A-Za-z0-9_-])/g,
  minEntropy: 4,
  revoke: {
    provider: 'Anthropic',
    url: 'https://console.anthropic.com/settings/keys',
    steps: [
      'In the Console → Settings → API keys, disable and delete the key (Anthropic may already have disabled a key found in a public repository).',
      'Check Usage and Cost for spend you did not cause.',
      'Create a replacement in the right workspace with a spend limit and store it as a secret.',
    ],
  },
});
