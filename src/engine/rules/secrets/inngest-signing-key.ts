import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * Inngest signing keys: `signkey-<env>-` (`prod`, `test`, `branch`) and 32 random bytes in lower-case
 * hex (64 characters). Shape from Inngest's SDK, which strips `signkey-\w+-` and decodes the rest as hex
 * (inngest/inngest-js, packages/inngest/src/helpers/strings.ts). The SDK's hashed form (the same prefix
 * and a SHA-256 in hex) is what it sends as its bearer token, so it is a credential too.
 */
const rule = defineSecretRule({
  id: 'secrets/inngest-signing-key',
  description: 'Inngest signing key',
  severity: 'high',
  keywords: ['signkey-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>signkey-(?:prod|test|branch)-[0-9a-f]{64})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.2,
  message: 'Inngest signing key committed to the repository: it authenticates your app to Inngest and signs the requests Inngest sends to your functions.',
  revoke: {
    provider: 'Inngest',
    url: 'https://app.inngest.com/env/production/manage/signing-key',
    steps: [
      'In the Inngest dashboard → Manage → Signing Key of the environment, create a new signing key and deploy it to your app (INNGEST_SIGNING_KEY, with the old one as INNGEST_SIGNING_KEY_FALLBACK while rolling).',
      'Once every app uses the new key, rotate (revoke) the old one.',
      'Review function runs and events since the commit for ones you did not trigger.',
    ],
  },
});

export default refine(rule, (raw) =>
  raw.secret?.startsWith('signkey-prod-') ? raw : { ...raw, severity: 'medium', message: 'Inngest test or branch environment signing key committed to the repository.' },
);
