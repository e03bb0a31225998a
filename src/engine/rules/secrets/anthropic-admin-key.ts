import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/anthropic-admin-key',
  description: 'Anthropic Admin API key',
  severity: 'critical',
  keywords: ['sk-ant-admin'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-admin\d{2}-[A-Za-z0-9_-]{80,120}AA)(?![A-Za-z0-9_-])/g,
  minEntropy: 4,
  message: "Anthropic Admin API key committed to the repository: it manages the organization's members, workspaces and keys.",
  revoke: {
    provider: 'Anthropic',
    url: 'https://console.anthropic.com/settings/admin-keys',
    steps: [
      'In the Console → Settings → Admin keys, delete the key.',
      'Review organization members, workspaces and API keys for changes since it was committed; revoke any keys created by it.',
      'Create a replacement only if automation needs it, and store it as a secret.',
    ],
  },
});
