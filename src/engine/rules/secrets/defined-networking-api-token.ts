import { defineSecretRule } from './define.js';

/** Defined Networking (managed Nebula) API tokens: `dnkey-`, 26 characters, `-`, 52 characters. */
export default defineSecretRule({
  id: 'secrets/defined-networking-api-token',
  description: 'Defined Networking (Nebula) API token',
  severity: 'high',
  keywords: ['dnkey-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>dnkey-[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Defined Networking',
    url: 'https://admin.defined.net/',
    steps: [
      'In the admin panel → API Keys, delete the key.',
      "Review the network's hosts, roles and enrollment codes for changes since the commit.",
      'Create a replacement with the fewest permissions and store it as a secret.',
    ],
  },
});
