import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Opsgenie API keys (integration and account keys) are UUIDs, sent as `Authorization: GenieKey <key>`. The
 * header's scheme is distinctive; elsewhere the key counts next to Opsgenie's name (`OPSGENIE_API_KEY`).
 */
export default defineSecretRuleSet({
  id: 'secrets/opsgenie-api-key',
  description: 'Opsgenie API key',
  severity: 'high',
  variants: [
    {
      keywords: ['geniekey'],
      pattern: /\b[Gg]enie[Kk]ey[ \t]{1,4}(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/g,
      minEntropy: 3,
    },
    ...keyedAndNested(['opsgenie', 'ops_genie'], {
      keywords: ['opsgenie', 'ops_genie'],
      value: String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`,
      minEntropy: 3,
    }),
  ],
  revoke: {
    provider: 'Opsgenie (Atlassian)',
    url: 'https://support.atlassian.com/opsgenie/docs/api-key-management/',
    steps: [
      "In Opsgenie → Settings → API key management (or the integration's page for an integration key), delete or reset the key.",
      'Review alerts, schedules and on-call changes made through the API since the commit.',
      'Create a replacement with only the rights it needs (create and update alerts) and store it as a secret.',
    ],
  },
});
