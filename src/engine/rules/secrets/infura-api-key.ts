import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Infura API keys (formerly project ids) are 32 lower-case hex characters; the key is the credential (the
 * endpoint URL `https://<network>.infura.io/v3/<key>` is all a caller needs), and the optional API key secret is
 * 32 hex too. Found in endpoint URLs and next to Infura's name.
 */
export default defineSecretRuleSet({
  id: 'secrets/infura-api-key',
  description: 'Infura API key (project id) or API key secret',
  severity: 'high',
  variants: [
    {
      keywords: ['infura.io'],
      pattern: /\.infura\.io\/(?:v3|ws\/v3)\/(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_])/g,
      minEntropy: 3,
    },
    ...keyedAndNested(['infura'], {
      keywords: ['infura'],
      words: ['token', 'secret', 'key', 'password', 'auth', 'credential', 'project_id', 'projectid', 'project-id', 'id'],
      value: String.raw`[a-f0-9]{32}`,
      minEntropy: 3,
    }),
  ],
  revoke: {
    provider: 'Infura (Consensys)',
    url: 'https://app.infura.io/',
    steps: [
      'In the Infura dashboard, delete the API key (or create a new one and retire this one), and set an API key secret and allow-lists on the new key.',
      "Review the key's usage for requests you did not make (a paid plan's quota can be spent by others).",
      'Keep the endpoint URL in a secret or environment variable, not in code.',
    ],
  },
});
