import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/prefect-api-key',
  description: 'Prefect Cloud API key',
  severity: 'high',
  keywords: ['pnu_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pnu_[A-Za-z0-9]{36})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Prefect',
    url: 'https://app.prefect.cloud/my/api-keys',
    steps: [
      'In Prefect Cloud → Profile → API keys, delete the key (service account keys: rotate them under the service account).',
      'Check usage and billing for activity you did not cause since it was committed.',
      'Create a replacement with the narrowest scope and a spend limit where offered, and store it as a secret.',
    ],
  },
});
