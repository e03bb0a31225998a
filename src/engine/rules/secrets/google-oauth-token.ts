import { defineSecretRule } from './define.js';

/** OAuth 2.0 access tokens (`ya29.`) and refresh tokens (`1//0…`) issued by Google. */
export default defineSecretRule({
  id: 'secrets/google-oauth-token',
  description: 'Google OAuth access or refresh token',
  severity: 'high',
  keywords: ['ya29.', '1//0'],
  pattern: /(?<![A-Za-z0-9_.\/-])(?<secret>ya29\.[A-Za-z0-9_-]{20,2048}|1\/\/0[A-Za-z0-9_-]{40,512})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  // A body of words (`ya29.some-access-token`, `ya29.plaintext-access-token`): a test's label, not base64url noise.
  // A short body that ends in words (`ya29.a0AfH6SMBx-some-access-token`): a realistic head and a label.
  validate: (s) => {
    const body = s.slice(s.startsWith('ya29.') ? 5 : 4);
    return !/^[A-Za-z]+(?:[-_][A-Za-z]+)+$/.test(body) && !(body.length < 60 && /(?:[-_][a-z]{3,}){2,}$/.test(body));
  },
  revoke: {
    provider: 'Google',
    url: 'https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke',
    steps: [
      'Revoke the grant: POST the token to https://oauth2.googleapis.com/revoke, or remove the app under myaccount.google.com → Security → Third-party access (Workspace admins: Security → API controls).',
      "Review the account's activity (Drive, Gmail, Cloud audit logs) for the token's scopes since it was committed.",
      'Do not store user tokens in code; keep refresh tokens in a secret store and request only the scopes needed.',
    ],
  },
});
