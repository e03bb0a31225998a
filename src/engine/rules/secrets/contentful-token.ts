import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

export default defineSecretRuleSet({
  id: 'secrets/contentful-token',
  description: 'Contentful personal access token or delivery/management token',
  severity: 'high',
  variants: [
    {
      keywords: ['cfpat-'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>CFPAT-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
      minEntropy: 3.5,
    },
    {
      keywords: ['contentful'],
      pattern: keyedSecret(credentialNamed(['contentful']), '[A-Za-z0-9_-]{43}'),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'medium',
    },
    {
      // `contentful:\n  access_token: …`, `[contentful]\ndelivery_token = …`: the provider as the parent key.
      keywords: ['contentful'],
      pattern: nestedSecret(['contentful'], '[A-Za-z0-9_-]{43}'),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Contentful',
    url: 'https://app.contentful.com/account/profile/cma_tokens',
    steps: [
      'Revoke a personal access token under Account settings → CMA tokens; regenerate delivery/preview keys under Settings → API keys.',
      "Review the space's entries and webhooks for changes since it was committed.",
      'Store the new token as a secret and load it at run time.',
    ],
  },
});
