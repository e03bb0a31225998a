import { defineSecretRule } from './define.js';

/**
 * TrueNAS API keys: the key's numeric id, `-`, and 64 letters and digits (`8-Lp22…`). Alone the shape is
 * too plain to claim, so the rule reads it where TrueNAS's API takes it: the middleware's
 * `auth.login_with_api_key` call, over the WebSocket API (`"params": ["8-…"]`) or a client's
 * `call("auth.login_with_api_key", "8-…")`. In an `Authorization: Bearer` header the
 * authorization-header rule reports it.
 */
export default defineSecretRule({
  id: 'secrets/truenas-api-key',
  description: 'TrueNAS API key',
  severity: 'critical',
  keywords: ['login_with_api_key'],
  scope: 'file',
  pattern: /(?:"params"[ \t]*:[ \t]*\[\s*|login_with_api_key["'][ \t]*,[ \t]*(?:\[[ \t]*)?)["'](?<secret>\d{1,6}-[A-Za-z0-9]{64})["']/g,
  minEntropy: 4,
  // Letters of both cases and digits: a hex digest after an id (`1-<sha256>`) is not a key.
  validate: (s) => {
    const body = s.slice(s.indexOf('-') + 1);
    return /[a-z]/.test(body) && /[A-Z]/.test(body) && /\d/.test(body);
  },
  revoke: {
    provider: 'TrueNAS',
    url: 'https://www.truenas.com/docs/scale/scaletutorials/toptoolbar/managesettings/managesettingsscale/',
    steps: [
      'In the TrueNAS web interface, open the user menu → API Keys (Credentials → Users → API Keys on newer releases) and delete the key whose id precedes the `-`.',
      'Review the audit log (System → Audit) for API sessions and changes made with the key since the commit: shares, users, replication, SSH keys.',
      'Create a new key for the integration, bound to a dedicated user with only the roles it needs, and keep it in a secret store.',
    ],
  },
});
