import { defineSecretRule } from './define.js';

/** Cloudflare Origin CA keys (used to issue origin certificates): `v1.0-` + 24 + `-` + 146 characters. */
export default defineSecretRule({
  id: 'secrets/cloudflare-origin-ca-key',
  description: 'Cloudflare Origin CA key',
  severity: 'high',
  confidence: 'high',
  keywords: ['v1.0-'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>v1\.0-[A-Za-z0-9]{24}-[A-Za-z0-9]{146})(?![A-Za-z0-9_-])/g,
  minEntropy: 3,
  revoke: {
    provider: 'Cloudflare',
    url: 'https://dash.cloudflare.com/profile/api-tokens',
    steps: [
      'Change the Origin CA key under My Profile → API Tokens → Origin CA Key → Change.',
      'Review the origin certificates issued in the account and revoke any you did not create.',
      'Prefer API tokens with the SSL and Certificates permission for automation.',
    ],
  },
});
