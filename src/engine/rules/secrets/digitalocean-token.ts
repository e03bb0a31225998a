import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

const KINDS: Record<string, string> = {
  dop: 'DigitalOcean personal access token',
  doo: 'DigitalOcean OAuth access token',
  dor: 'DigitalOcean OAuth refresh token',
};

/** DigitalOcean tokens since 2021: `dop_v1_` / `doo_v1_` / `dor_v1_` + 64 hex characters. */
const rule = defineSecretRule({
  id: 'secrets/digitalocean-token',
  description: 'DigitalOcean personal access, OAuth or refresh token',
  severity: 'critical',
  confidence: 'high',
  keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>do[por]_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/g,
  minEntropy: 3,
  revoke: {
    provider: 'DigitalOcean',
    url: 'https://cloud.digitalocean.com/account/api/tokens',
    steps: [
      "Delete the token under API → Tokens (an OAuth token: revoke the application's access under Applications & API → Authorized applications, or POST /v1/oauth/revoke).",
      'Create a replacement with custom scopes and an expiry, stored as a CI / platform secret.',
      "Review the team's Security history / audit events for activity with the token since the commit.",
    ],
  },
});

export default refine(rule, (raw) => ({ ...raw, message: `${KINDS[raw.secret?.slice(0, 3) ?? ''] ?? 'DigitalOcean token'} committed to the repository.` }));
