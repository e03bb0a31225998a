import { defineSecretRuleSet } from './lib/rule-set.js';

export default defineSecretRuleSet({
  id: 'secrets/github-fine-grained-pat',
  description: 'GitHub fine-grained personal access token',
  severity: 'critical',
  confidence: 'high',
  variants: [
    // The issued shape: 22 characters, an underscore, 59 characters.
    { keywords: ['github_pat_'], pattern: /(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9])/g, minEntropy: 3.5 },
    // Same length without the inner underscore where expected: generated or mangled, still worth a look.
    { keywords: ['github_pat_'], pattern: /(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])/g, minEntropy: 3.5, confidence: 'medium' },
  ],
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
