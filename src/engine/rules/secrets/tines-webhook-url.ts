import { defineSecretRuleSet } from './lib/rule-set.js';

/**
 * A Tines webhook action URL, `https://<tenant>.tines.com/webhook/<path>/<secret>`, where both path parts are
 * 32 hex characters: anyone with the URL can start the story. The secret is the last part.
 */

export default defineSecretRuleSet({
  id: 'secrets/tines-webhook-url',
  description: 'Tines webhook URL with its secret',
  severity: 'high',
  variants: [
    {
      keywords: ['.tines.'],
      pattern: /https?:\/\/[a-z0-9][a-z0-9-]{0,62}\.tines\.(?:com|io)\/webhook\/[a-f0-9]{32}\/(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/g,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Tines',
    url: 'https://www.tines.com/docs/actions/types/webhook',
    steps: [
      'In the story, open the webhook action and change its secret (the path can be changed too).',
      "Review the story's events for runs you did not trigger since the commit.",
      'Keep the new URL in a secret store or a credential, not in code.',
    ],
  },
});
