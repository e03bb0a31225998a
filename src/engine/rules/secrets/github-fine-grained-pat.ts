import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/github-fine-grained-pat',
  description: 'GitHub fine-grained personal access token',
  severity: 'critical',
  keywords: ['github_pat_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'GitHub',
    url: 'https://github.com/settings/personal-access-tokens',
    steps: [
      'Revoke the token under Settings → Developer settings → Fine-grained tokens (org owners can also revoke it from the organisation settings).',
      'Review the audit log for its use since it was committed.',
      'Issue a replacement limited to the repositories and permissions the job needs, with an expiry, and store it as a secret.',
    ],
  },
});
