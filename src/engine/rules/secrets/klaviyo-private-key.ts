import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Klaviyo private API keys are `pk_` followed by 34 lower-case hex characters (the public key is a 6-character
 * site id). The `pk_` prefix is shared with other vendors' public keys, so a bare match is medium confidence and
 * one next to Klaviyo's name is high.
 */
const BARE = /(?<![A-Za-z0-9_])(?<secret>pk_[a-f0-9]{34})(?![A-Za-z0-9_])/g;

export default defineSecretRuleSet({
  id: 'secrets/klaviyo-private-key',
  description: 'Klaviyo private API key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['klaviyo'], {
      keywords: ['klaviyo'],
      value: String.raw`pk_[a-f0-9]{34}`,
      minEntropy: 3.2,
    }),
    {
      keywords: ['pk_'],
      pattern: BARE,
      minEntropy: 3.2,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Klaviyo',
    url: 'https://www.klaviyo.com/settings/account/api-keys',
    steps: [
      'In Klaviyo → Settings → API keys, revoke the private key.',
      'Review profiles, lists and campaigns for exports or changes made with the key since the commit (it reads customer data).',
      'Create a replacement with the narrowest scopes and store it as a secret.',
    ],
  },
});
