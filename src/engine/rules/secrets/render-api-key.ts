import { charClasses } from '../../entropy.js';
import { defineSecretRule } from './define.js';

/** Render API keys: `rnd_` + 24–48 alphanumerics (28 today). `rnd_` alone is a common identifier prefix. */
export default defineSecretRule({
  id: 'secrets/render-api-key',
  description: 'Render API key',
  severity: 'critical',
  confidence: 'high',
  keywords: ['rnd_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>rnd_[A-Za-z0-9]{24,48})(?![A-Za-z0-9_])/g,
  minEntropy: 3.8,
  // Random keys mix cases and digits; identifiers like rnd_generateRandomValues do not.
  validate: (secret) => charClasses(secret.slice(4)) >= 3,
  revoke: {
    provider: 'Render',
    url: 'https://dashboard.render.com/u/settings#api-keys',
    steps: ['Revoke the key under Account Settings → API Keys.', 'Create a replacement, stored as a CI secret, and review the workspace audit log for actions made with the key since the commit.'],
  },
});
