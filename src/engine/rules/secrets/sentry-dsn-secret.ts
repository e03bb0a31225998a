import { defineSecretRule } from './define.js';

/**
 * Modern DSNs hold only a public key; legacy ones embed `public:secret@`. Sentry has ignored the secret half
 * since version 9 (a DSN only lets anyone send events, and browser SDKs ship it to every visitor), so a
 * legacy secret is reported at low confidence: worth removing, not a breach.
 */
export default defineSecretRule({
  id: 'secrets/sentry-dsn-secret',
  description: 'Sentry legacy DSN with a secret key',
  severity: 'medium',
  confidence: 'low',
  message:
    'Sentry legacy DSN with a secret key committed: current Sentry ignores the secret half (a DSN only lets anyone send events), so drop it from the DSN; if a self-hosted Sentry older than 9 still checks it, rotate the key.',
  keywords: ['sentry'],
  pattern: /https?:\/\/[0-9a-f]{32}:(?<secret>[0-9a-f]{32})@[A-Za-z0-9.-]{1,253}(?::\d{1,5})?\/(?:[\w.-]{1,64}\/)?\d{1,20}(?![\w])/g,
  minEntropy: 3,
  revoke: {
    provider: 'Sentry',
    url: 'https://docs.sentry.io/concepts/key-terms/dsn-explainer/',
    steps: [
      'In Project Settings → Client Keys (DSN), create a new key and disable or delete the one whose secret leaked.',
      'Use the new DSN without the secret part: current SDKs need only the public key.',
    ],
  },
});
