import { defineSecretRule } from './define.js';

/** Scrapfly API keys: `scp-live-` (or `scp-test-`) and 32 lower-case hex digits. */
export default defineSecretRule({
  id: 'secrets/scrapfly-api-key',
  description: 'Scrapfly API key',
  severity: 'high',
  keywords: ['scp-live-', 'scp-test-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>scp-(?:live|test)-[0-9a-f]{32})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.2,
  validate: (s) => /[a-f]/.test(s.slice(9)) && /[0-9]/.test(s.slice(9)),
  revoke: {
    provider: 'Scrapfly',
    url: 'https://scrapfly.io/dashboard',
    steps: [
      'In the Scrapfly dashboard, open the project’s API key settings and rotate the key.',
      'Check the project’s usage and credits spent since the commit.',
      'Store the new key as a server-side secret (SCRAPFLY_API_KEY from a secret store).',
    ],
  },
});
