import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

export default defineSecretRuleSet({
  id: 'secrets/zendesk-api-token',
  description: 'Zendesk API token',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['zendesk'],
      pattern: keyedSecret(credentialNamed(['zendesk']), '[A-Za-z0-9]{40}'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      // `zendesk:\n  api_token: …`, `[zendesk]\ntoken = …`: the provider as the parent key.
      keywords: ['zendesk'],
      pattern: nestedSecret(['zendesk'], '[A-Za-z0-9]{40}'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Zendesk',
    url: 'https://support.zendesk.com/hc/en-us/articles/4408889192858',
    steps: [
      'In Admin Center → Apps and integrations → APIs → Zendesk API, deactivate and delete the token.',
      'Review the audit log for ticket exports and user changes since it was committed (API tokens act as any agent).',
      'Prefer an OAuth client with limited scopes for the replacement, and store it as a secret.',
    ],
  },
});
