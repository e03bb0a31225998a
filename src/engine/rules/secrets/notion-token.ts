import { defineSecretRule } from './define.js';
import { charClasses } from '../../entropy.js';

/** Integration tokens: `ntn_` + 11 digits + 35 characters, and the older `secret_` + 43. */
export default defineSecretRule({
  id: 'secrets/notion-token',
  description: 'Notion integration token',
  severity: 'high',
  keywords: ['ntn_', 'secret_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})(?![A-Za-z0-9_])/g,
  minEntropy: 3.5,
  // `secret_` is an ordinary identifier prefix: demand a random-looking mix of cases and digits.
  validate: (s) => s.startsWith('ntn_') || charClasses(s.slice(7)) >= 3,
  revoke: {
    provider: 'Notion',
    url: 'https://www.notion.so/profile/integrations',
    steps: [
      'Open the integration under Settings → Integrations (notion.so/profile/integrations) and refresh its secret.',
      'Review which pages the integration can reach and the workspace audit log for unexpected access.',
      'Store the new token as a secret and load it at run time.',
    ],
  },
});
