import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, keywordsOf, nestedSecret } from './lib/keyed-secret.js';
import { names, nameOf, namesAnIdentifier } from './lib/assignment.js';
import { charClasses } from '../../entropy.js';

// The agent's own variable names, and headers, besides "datadog … key/token".
const DD_NAMES = ['dd_api_key', 'dd-api-key', 'dd_app_key', 'dd-app-key', 'dd_application_key', 'dd-application-key', 'ddapikey', 'ddappkey'];

/** API keys (32 hex) and application keys (40 hex) have no prefix: only a secret under their name. */
export default defineSecretRuleSet({
  id: 'secrets/datadog-api-key',
  description: 'Datadog API or application key',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: keywordsOf('datadog', 'data_dog', ...DD_NAMES),
      pattern: keyedSecret(`(?:${credentialNamed(['datadog', 'data_dog'])}|(?<![A-Za-z0-9])${names(...DD_NAMES)})`, '[A-Za-z0-9]{40}|[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s, m) => charClasses(s) >= 2 && !namesAnIdentifier(nameOf(m, s)),
    },
    {
      // `datadog:\n  api_key: …`, `[datadog]\napp_key = …`, `- datadog:\n    api_key: …`: the provider as the parent key.
      keywords: keywordsOf('datadog', 'data_dog'),
      pattern: nestedSecret(['datadog', 'data_dog'], '[A-Za-z0-9]{40}|[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s, m) => charClasses(s) >= 2 && !namesAnIdentifier(nameOf(m, s)),
    },
  ],
  revoke: {
    provider: 'Datadog',
    url: 'https://app.datadoghq.com/organization-settings/api-keys',
    steps: [
      "In Organization Settings → API Keys (or Application Keys), revoke the key; application keys act with their owner's permissions.",
      'Check the audit trail for dashboards, monitors or data exports you did not make.',
      'Create a replacement (scope application keys) and store it as a secret.',
    ],
  },
});
