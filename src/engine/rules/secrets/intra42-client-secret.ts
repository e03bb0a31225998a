import { defineSecretRule } from './define.js';

/** Client secrets of the 42 school network API (Intra): `s-s4t2ud-` or `s-s4t2af-` and 64 hex. */
export default defineSecretRule({
  id: 'secrets/intra42-client-secret',
  description: '42 Intra API client secret',
  severity: 'high',
  keywords: ['s-s4t2'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>s-s4t2(?:ud|af)-[a-f0-9]{64})(?![A-Za-z0-9_-])/g,
  minEntropy: 3,
  revoke: {
    provider: '42 Intra',
    url: 'https://profile.intra.42.fr/oauth/applications',
    steps: ['In the Intra OAuth applications page, regenerate the application secret.', "Review the application's token usage since it was committed.", 'Store the new secret outside the repository.'],
  },
});
