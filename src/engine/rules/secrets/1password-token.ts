import { defineSecretRule } from './define.js';

/** Service-account tokens (`ops_` + base64 JSON) and account Secret Keys (`A3-XXXXXX-…`). */
export default defineSecretRule({
  id: 'secrets/1password-token',
  description: '1Password service account token or Secret Key',
  severity: 'critical',
  keywords: ['ops_eyj', 'a3-'],
  pattern:
    /(?<![A-Za-z0-9_-])(?:ops_eyJ[A-Za-z0-9+/_-]{100,4000}={0,3}(?![A-Za-z0-9+/=_-])|A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9_-]))/g,
  minEntropy: 3.8,
  revoke: {
    provider: '1Password',
    url: 'https://developer.1password.com/docs/service-accounts/manage-service-accounts/',
    steps: [
      'Service account token: in 1Password.com → Developer → Service Accounts, revoke the token and create a new one. Secret Key: the account owner regenerates it (Profile → Regenerate Secret Key) and changes the account password.',
      'Review the vaults the token could read and the Activity Log; rotate the secrets stored there if they may have been read.',
      'Store the new token as a CI secret and load it at run time.',
    ],
  },
});
