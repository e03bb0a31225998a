import { defineSecretRule } from './define.js';

/** Tailscale keys: `tskey-<kind>-<id>-<secret>` (kinds `api`, `auth`, `client`, `webhook`, `scim` …). */
export default defineSecretRule({
  id: 'secrets/tailscale-key',
  description: 'Tailscale API access token, auth key or OAuth client secret',
  severity: 'high',
  keywords: ['tskey-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>tskey-[a-z]{3,10}-[A-Za-z0-9]{6,40}-[A-Za-z0-9]{20,64})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Tailscale',
    url: 'https://login.tailscale.com/admin/settings/keys',
    steps: [
      'In the admin console → Settings → Keys (or OAuth clients), revoke the key.',
      'Review the machines list for devices registered with a leaked auth key and remove unknown ones; check the configuration audit log.',
      'Create a replacement (ephemeral, pre-authorised, tagged, with an expiry) and store it as a secret.',
    ],
  },
});
