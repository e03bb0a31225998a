import { defineSecretRule } from './define.js';

/**
 * Infisical service tokens: `st.`, the token's id (a UUID, or 24 hex on tokens from the MongoDB era), `.`,
 * a 16-byte secret in hex, `.`, and the 16-byte key that decrypts the project key, in hex. Shape from
 * Infisical's server (`st.${serviceToken.id}.${secret}`, secret = 16 random bytes in hex;
 * backend/src/services/service-token), its dashboard, which appends `.${randomBytes}` in hex, and its
 * Python SDK's `st\.[a-f0-9]+\.[a-f0-9]+\.[a-f0-9]+`.
 */
export default defineSecretRule({
  id: 'secrets/infisical-service-token',
  description: 'Infisical service token',
  severity: 'high',
  keywords: ['st.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>st\.(?:[0-9a-f]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[0-9a-f]{32}\.[0-9a-f]{32})(?![A-Za-z0-9_.-])/g,
  minEntropy: 3.4,
  message: 'Infisical service token committed to the repository: it reads (and if granted, writes) the secrets of its project environment and path.',
  revoke: {
    provider: 'Infisical',
    url: 'https://infisical.com/docs/documentation/platform/token',
    steps: [
      'In Infisical, open the project → Access Control → Service Tokens, and delete the token.',
      'Rotate the secrets in the environments and paths the token could read: it carries the key that decrypts them.',
      'Move the service to a machine identity (Universal Auth or a cloud-native method) instead of a new service token, and keep its client secret in a secret store.',
    ],
  },
});
