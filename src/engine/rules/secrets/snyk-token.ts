import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** Snyk API and service-account tokens are UUIDs: a secret only under a Snyk credential name. */
export default defineSecretRuleSet({
  id: 'secrets/snyk-token',
  description: 'Snyk API or service account token assigned to a Snyk-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['snyk'],
      pattern: assignment(credentialName(['snyk'], ['token', 'key', 'auth', 'secret']), UUID),
      nextLine: true,
    },
    {
      // Under a parent key named after the provider (`snyk:\n  api_key: …`, `[snyk]\ntoken = …`).
      keywords: ['snyk'],
      pattern: nestedSecret(['snyk'], UUID, { words: ['token', 'key', 'auth', 'secret'] }),
      nextLine: true,
    },
  ],
  revoke: {
    provider: 'Snyk',
    url: 'https://app.snyk.io/account',
    steps: [
      'A personal API token: revoke and regenerate it under Account settings → Auth token. A service account token: delete the service account token under the organization’s or group’s Settings → Service accounts.',
      'Review the audit logs for project imports, ignores and setting changes made with it since it was committed.',
      'Use a service account with the least role for CI and store its token as a CI secret (SNYK_TOKEN).',
    ],
  },
});
