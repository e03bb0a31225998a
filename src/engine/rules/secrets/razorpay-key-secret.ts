import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/** The key id (`rzp_live_…`) is public; the 24-character key secret is recognisable only by its name. */
export default defineSecretRuleSet({
  id: 'secrets/razorpay-key-secret',
  description: 'Razorpay API key secret',
  severity: 'critical',
  confidence: 'medium',
  variants: [
    {
      keywords: ['razorpay', 'rzp'],
      pattern: keyedSecret(credentialNamed(['razorpay', 'rzp']), '[A-Za-z0-9]{24}'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      // Under a parent key named after the provider (`razorpay:\n  api_key: …`, `[razorpay]\ntoken = …`).
      keywords: ['razorpay', 'rzp'],
      pattern: nestedSecret(['razorpay', 'rzp'], '[A-Za-z0-9]{24}'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Razorpay',
    url: 'https://dashboard.razorpay.com/app/website-app-settings/api-keys',
    steps: [
      'In Account & Settings → API Keys, regenerate the key (the old secret stops working).',
      'Review payments, refunds and settlements for activity you did not initiate.',
      'Store the new secret in a secret manager and load it at run time.',
    ],
  },
});
