import { defineSecretRuleSet } from './lib/rule-set.js';
import { refine } from './lib/refine.js';

const rule = defineSecretRuleSet({
  id: 'secrets/flutterwave-key',
  description: 'Flutterwave secret or encryption key',
  severity: 'critical',
  variants: [
    {
      keywords: ['flwseck'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>FLWSECK(?:_TEST)?-[A-Za-z0-9]{32}-X)(?![A-Za-z0-9_-])/g,
      minEntropy: 3,
    },
    {
      // Encryption key: the first 12 hex characters after the prefix, no `-X` suffix.
      keywords: ['flwseck_test'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>FLWSECK_TEST-?[a-fA-F0-9]{12})(?![A-Za-z0-9_-])/g,
      minEntropy: 2.5,
    },
    {
      keywords: ['flwpubk'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>FLWPUBK(?:_TEST)?-[A-Za-z0-9]{32}-X)(?![A-Za-z0-9_-])/g,
      minEntropy: 3,
      confidence: 'low',
      message: 'Flutterwave public key committed to the repository: not a secret by itself, but it names the account whose secret key is usually nearby.',
    },
  ],
  revoke: {
    provider: 'Flutterwave',
    url: 'https://app.flutterwave.com/dashboard/settings/apis',
    steps: [
      'In Settings → API Keys, generate new keys (this invalidates the secret and encryption keys shown there).',
      'Review transactions, transfers and refunds for activity you did not initiate.',
      'Store the new keys in a secret manager and load them at run time.',
    ],
  },
});

export default refine(rule, (raw) => (raw.secret?.startsWith('FLWPUBK') ? { ...raw, severity: 'low' } : raw));
