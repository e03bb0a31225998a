import { defineSecretRule } from './define.js';

/** Frame.io developer tokens: `fio-u-` and 64 base64url characters. */
export default defineSecretRule({
  id: 'secrets/frameio-api-token',
  description: 'Frame.io developer token',
  severity: 'high',
  keywords: ['fio-u-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>fio-u-[A-Za-z0-9_=-]{64})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Frame.io',
    url: 'https://developer.frame.io/app/tokens',
    steps: [
      'In the Frame.io developer site → Tokens, delete the token.',
      'Review the projects and assets the token could reach for changes or downloads.',
      'Create a replacement with the fewest scopes and store it as a secret.',
    ],
  },
});
