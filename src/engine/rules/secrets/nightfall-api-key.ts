import { defineSecretRuleSet } from './lib/rule-set.js';
import { charClasses } from '../../entropy.js';

/**
 * Nightfall (data-loss prevention) API keys are `NF-` followed by 32 alphanumerics. The prefix is short, so
 * the match is case-sensitive and the body must mix letter cases and digits.
 */

export default defineSecretRuleSet({
  id: 'secrets/nightfall-api-key',
  description: 'Nightfall AI API key',
  severity: 'high',
  variants: [
    {
      keywords: ['nf-'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>NF-[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/g,
      minEntropy: 4,
      validate: (s) => charClasses(s.slice(3)) >= 3,
    },
  ],
  revoke: {
    provider: 'Nightfall AI',
    url: 'https://app.nightfall.ai/developer-platform/manage-keys',
    steps: [
      'In the Nightfall dashboard → Developer Platform → Manage API Keys, delete the key.',
      'Review scan requests made with the key since the commit (the key reads the content it scans).',
      'Create a replacement and store it as a secret.',
    ],
  },
});
