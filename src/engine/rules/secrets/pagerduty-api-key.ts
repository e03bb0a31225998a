import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedUnder } from './lib/keyed-secret.js';

const VALUE = 'u\\+[A-Za-z0-9_+-]{18}|[A-Za-z0-9_+-]{20}|[a-f0-9]{32}';

/** REST API keys (20 characters, user keys start `u+`) and Events integration keys (32 hex). */
export default defineSecretRuleSet({
  id: 'secrets/pagerduty-api-key',
  description: 'PagerDuty API or integration key',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['pagerduty', 'pager_duty', 'pager-duty'],
      pattern: keyedSecret(credentialNamed(['pagerduty', 'pager_duty', 'pager-duty']), VALUE, {
        notFollowedBy: 'A-Za-z0-9_+\\-',
        notPrecededBy: 'A-Za-z0-9_+\\-',
      }),
      nextLine: true,
      minEntropy: 3,
    },
    {
      // `pagerduty:\n  api_key: …`, `[pagerduty]\ntoken = …`: the provider as the parent key.
      keywords: ['pagerduty', 'pager_duty', 'pager-duty'],
      pattern: new RegExp(`${nestedUnder(['pagerduty', 'pager_duty', 'pager-duty'])}(?<secret>${VALUE})(?![A-Za-z0-9_+\\-])`, 'g'),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'PagerDuty',
    url: 'https://support.pagerduty.com/main/docs/api-access-keys',
    steps: [
      "Delete the key: Integrations → API Access Keys for account keys, My Profile → User Settings for user keys, or the service's integration for an Events key.",
      'Review the audit trail for incidents, schedules or escalation policies changed since it was committed.',
      'Create a replacement (read-only if possible) and store it as a secret.',
    ],
  },
});
