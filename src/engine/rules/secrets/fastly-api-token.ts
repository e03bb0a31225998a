import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Fastly API tokens are 32 characters of letters, digits, `_` and `-`, sent in the `Fastly-Key` header. No
 * prefix: they count next to Fastly's name (`FASTLY_API_TOKEN`, the Terraform provider's and the CLI's
 * variable, `Fastly-Key: …`, `fastly_api_key`).
 */
export default defineSecretRuleSet({
  id: 'secrets/fastly-api-token',
  description: 'Fastly API token',
  severity: 'high',
  variants: [
    ...keyedAndNested(['fastly'], {
      keywords: ['fastly'],
      value: String.raw`[A-Za-z0-9_-]{32}`,
      minEntropy: 3.5,
      placeholders: 'loose',
      validate: (s) => charClasses(s) >= 2,
    }),
  ],
  revoke: {
    provider: 'Fastly',
    url: 'https://manage.fastly.com/account/personal/tokens',
    steps: [
      'In Account → Personal API tokens (or an admin under Account → API tokens), delete the token.',
      "Review the account's event log for service, configuration and purge changes since the commit.",
      'Create a replacement scoped to the services and scope it needs (purge_select, global:read), with an expiry, and store it as a secret.',
    ],
  },
});
