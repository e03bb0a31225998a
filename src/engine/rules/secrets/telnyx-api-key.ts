import { defineSecretRuleSet } from './lib/rule-set.js';

/**
 * Telnyx API v2 keys are `KEY` + 32 upper-case hex characters + `_` + 22 alphanumerics. `KEY` is too common
 * a literal to search for, so the key counts on a line (or the line after one) that names Telnyx; its shape
 * needs no credential word.
 */

export default defineSecretRuleSet({
  id: 'secrets/telnyx-api-key',
  description: 'Telnyx API v2 key',
  severity: 'high',
  variants: [
    {
      keywords: ['telnyx'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>KEY[0-9A-F]{32}_[A-Za-z0-9]{22})(?![A-Za-z0-9_])/g,
      nextLine: true,
      minEntropy: 3.8,
    },
  ],
  revoke: {
    provider: 'Telnyx',
    url: 'https://portal.telnyx.com/#/app/api-keys',
    steps: [
      'In the Telnyx Mission Control portal → Auth → API Keys, delete the key.',
      'Review calls, messages and number orders since the commit (toll fraud is costly).',
      'Create a replacement and store it as a secret.',
    ],
  },
});
