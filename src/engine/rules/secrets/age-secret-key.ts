import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/age-secret-key',
  description: 'age encryption secret key',
  severity: 'critical',
  keywords: ['age-secret-key-1'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Za-z0-9])/g,
  // All-`Q` (zero) keys are valid bech32 that peers test with; only masks and EXAMPLE are placeholders here.
  placeholders: 'off',
  validate: (s) => !/X{6,}|EXAMPLE/i.test(s.slice(16)),
  revoke: {
    provider: 'age (self-managed)',
    url: 'https://github.com/FiloSottile/age#readme',
    steps: [
      'An age key cannot be revoked: generate a new identity (age-keygen) and re-encrypt every file or secret encrypted to the old recipient (e.g. `sops updatekeys`).',
      'Treat everything that was encrypted to the old key — including copies in git history — as disclosed, and rotate those secrets.',
      'Keep the new identity out of the repository (a secret manager or the CI secret store).',
    ],
  },
});
