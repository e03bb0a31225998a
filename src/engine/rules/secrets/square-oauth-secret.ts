import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/square-oauth-secret',
  description: 'Square application (OAuth) secret',
  severity: 'high',
  keywords: ['sq0csp-', 'sq0csb-'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>(?:sandbox-)?sq0cs[pb]-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.2,
  revoke: {
    provider: 'Square',
    url: 'https://developer.squareup.com/apps',
    steps: [
      'In the Developer Console open the application → OAuth and replace the application secret.',
      'Revoke OAuth tokens issued with it if you cannot rule out misuse, and review the sellers that authorised the app.',
      'Store the new secret as a secret and load it at run time.',
    ],
  },
});
