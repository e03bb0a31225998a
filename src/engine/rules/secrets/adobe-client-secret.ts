import { defineSecretRule } from './define.js';

/** Adobe I/O (Developer Console) OAuth client secrets: `p8e-` and 32 alphanumerics. */
export default defineSecretRule({
  id: 'secrets/adobe-client-secret',
  description: 'Adobe Developer Console client secret',
  severity: 'high',
  keywords: ['p8e-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>p8e-[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Adobe Developer Console',
    url: 'https://developer.adobe.com/console',
    steps: [
      'In the Developer Console open the project → credential, and rotate the client secret (add a new one, then delete the leaked one).',
      'Review the APIs the credential can call for use since the commit.',
      'Store the new secret as a secret.',
    ],
  },
});
