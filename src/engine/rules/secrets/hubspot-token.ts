import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { names, nameOf, namesAnIdentifier } from './lib/assignment.js';

const UUIDISH = '[A-Za-z0-9]{8}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{12}';

/** Private-app tokens carry a region prefix; legacy API keys (`hapikey`) are UUIDs that need the name. */
export default defineSecretRuleSet({
  id: 'secrets/hubspot-token',
  description: 'HubSpot private app access token or legacy API key',
  severity: 'high',
  variants: [
    {
      keywords: ['pat-na', 'pat-eu', 'pat-ap'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>pat-(?:na|eu|ap)\d{1,2}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/g,
      minEntropy: 3,
    },
    {
      keywords: ['hubspot', 'hapikey', 'hapi_key', 'hubapi'],
      pattern: keyedSecret(`(?:${credentialNamed(['hubspot', 'hubapi'])}|${names('hapikey', 'hapi_key')})`, UUIDISH),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
      validate: (s, m) => !namesAnIdentifier(nameOf(m, s)),
    },
    {
      // Under a parent key named after the provider (`hubspot:\n  api_key: …`, `[hubspot]\ntoken = …`).
      keywords: ['hubspot'],
      pattern: nestedSecret(['hubspot'], UUIDISH),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
      validate: (s, m) => !namesAnIdentifier(nameOf(m, s)),
    },
  ],
  revoke: {
    provider: 'HubSpot',
    url: 'https://app.hubspot.com/private-apps/',
    steps: [
      'In Settings → Integrations → Private Apps, open the app → Auth → Rotate token (legacy API keys: deactivate under Integrations → API key).',
      "Review the account's audit log for CRM exports or changes since it was committed.",
      'Store the new token as a secret and load it at run time.',
    ],
  },
});
