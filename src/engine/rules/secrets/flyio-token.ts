import { defineSecretRule } from './define.js';

/**
 * Fly.io tokens: `fo1_` (OAuth, 43 URL-safe characters) and macaroon tokens `fm1a_` / `fm1r_` / `fm2_`
 * (100+ base64 characters, often sent as `FlyV1 fm2_…,fm2_…`; each macaroon is reported).
 */
export default defineSecretRule({
  id: 'secrets/flyio-token',
  description: 'Fly.io access token',
  severity: 'critical',
  confidence: 'high',
  keywords: ['fo1_', 'fm1a_', 'fm1r_', 'fm2_'],
  pattern: /(?<![A-Za-z0-9_+/-])(?<secret>fo1_[A-Za-z0-9_-]{43}|(?:fm1[ar]|fm2)_[A-Za-z0-9+/]{100,4000}={0,3})(?![A-Za-z0-9_+/=-])/g,
  minEntropy: 4,
  revoke: {
    provider: 'Fly.io',
    url: 'https://fly.io/dashboard/personal/tokens',
    steps: [
      "Revoke the token: `fly tokens revoke <id>` (list with `fly tokens list`), or under the organisation's Tokens page; an OAuth (fo1_) token by logging out that session (`fly auth logout`) or from Personal → Access tokens.",
      'Create a replacement scoped to one app or organisation (`fly tokens create deploy -a <app>`) with an expiry, stored as a CI secret.',
      "Review the organisation's audit log for actions made with the token since the commit.",
    ],
  },
});
