import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Honeycomb API keys. Ingest keys are the key id (`hc` + a letter + `ik_` + 26 characters) and its secret (32
 * characters) written together, as Honeycomb's documentation shows for the `X-Honeycomb-Team` header; that shape
 * is distinctive. Configuration keys (22 alphanumerics) and Classic keys (32 hex) have no prefix and count next to
 * Honeycomb's name (`HONEYCOMB_API_KEY`, `x-honeycomb-team`).
 */
const INGEST_KEYWORDS = Array.from('abcdefghijklmnopqrstuvwxyz', (c) => `hc${c}ik_`);

export default defineSecretRuleSet({
  id: 'secrets/honeycomb-api-key',
  description: 'Honeycomb API key',
  severity: 'high',
  variants: [
    {
      keywords: INGEST_KEYWORDS,
      pattern: /(?<![A-Za-z0-9_])(?<secret>hc[a-z]ik_[a-z0-9]{58})(?![A-Za-z0-9_])/g,
      minEntropy: 3.5,
    },
    ...keyedAndNested(['honeycomb'], {
      keywords: ['honeycomb'],
      words: ['token', 'secret', 'key', 'password', 'auth', 'credential', 'team'],
      value: String.raw`(?:[a-f0-9]{32}|[A-Za-z0-9]{22})`,
      minEntropy: 3.3,
      validate: (s) => charClasses(s) >= 2,
    }),
  ],
  revoke: {
    provider: 'Honeycomb',
    url: 'https://docs.honeycomb.io/configure/environments/manage-api-keys/',
    steps: [
      'In Honeycomb → Environment settings → API Keys (Team settings for Classic and Management keys), disable and delete the key.',
      'Review the environment for datasets, boards and triggers changed since the commit; an ingest key can also poison telemetry.',
      'Create a replacement with only the permissions it needs and store it as a secret.',
    ],
  },
});
