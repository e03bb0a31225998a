import { defineSecretRule } from './define.js';

/**
 * Segment (Twilio Segment) Public API tokens: `sgp_` and 64 letters and digits. A workspace-owner token
 * reads, changes and deletes everything in the workspace. Sourcegraph's `sgp_` tokens are hex of other
 * lengths and are left to their own rule.
 */
export default defineSecretRule({
  id: 'secrets/segment-public-api-token',
  description: 'Segment Public API token',
  severity: 'high',
  keywords: ['sgp_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sgp_[A-Za-z0-9]{64})(?![A-Za-z0-9_-])/g,
  minEntropy: 4,
  validate: (s) => /[A-Z]/.test(s) && /[a-z]/.test(s.slice(4)) && /[0-9]/.test(s),
  revoke: {
    provider: 'Segment',
    url: 'https://app.segment.com/',
    steps: [
      'In Segment, open Settings → Workspace settings → Access Management → Tokens, select the token and remove it.',
      'Review the workspace audit trail for sources, destinations, tracking plans or members changed since the commit.',
      'Create a replacement with the least role that works (not Workspace Owner where avoidable) and store it as a CI secret.',
    ],
  },
});
