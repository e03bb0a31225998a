import { defineSecretRule } from './define.js';

/**
 * Tableau personal access token secrets: 16 random bytes in base64 (`…==`), `:`, then 32 letters and digits
 * (`hm2v…Q==:xsPY…SnS4`). The name of the token travels beside it and is no secret; the secret alone signs
 * in to the REST API and tabcmd as its owner. The second half mixes both cases and digits: a salt and a hex
 * digest joined by `:` (`…==:5f4d…cf99`) is a password hash, not this.
 */
export default defineSecretRule({
  id: 'secrets/tableau-pat-secret',
  description: 'Tableau personal access token secret',
  severity: 'high',
  keywords: ['==:'],
  pattern: /(?<![A-Za-z0-9+/])(?<secret>[A-Za-z0-9+/]{21}[AQgw]==:[A-Za-z0-9]{32})(?![A-Za-z0-9+/=:])/g,
  minEntropy: 4,
  validate: (s) => {
    const tail = s.slice(s.indexOf(':') + 1);
    return /[a-z]/.test(tail) && /[A-Z]/.test(tail) && /\d/.test(tail);
  },
  revoke: {
    provider: 'Tableau',
    url: 'https://help.tableau.com/current/server/en-us/security_personal_access_tokens.htm',
    steps: [
      'In Tableau Server or Cloud, open My Account Settings → Personal Access Tokens and revoke the token (a site or server administrator can revoke any user’s).',
      "Review the site's admin insights or activity log for sign-ins with the token since the commit.",
      'Create a new token and keep its secret in a secret store; prefer connected apps (JWT) for automation.',
    ],
  },
});
