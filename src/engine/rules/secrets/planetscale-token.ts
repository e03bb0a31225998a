import { defineSecretRule } from './define.js';

/** PlanetScale database passwords (`pscale_pw_`), service tokens (`pscale_tkn_`) and OAuth tokens (`pscale_oauth_`), 32–64 characters after the prefix. */
export default defineSecretRule({
  id: 'secrets/planetscale-token',
  description: 'PlanetScale password, service token or OAuth token',
  severity: 'high',
  keywords: ['pscale_pw_', 'pscale_tkn_', 'pscale_oauth_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pscale_(?:pw|tkn|oauth)_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=.-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'PlanetScale',
    url: 'https://app.planetscale.com/',
    steps: [
      'Delete the database password (branch → Passwords) or the service token (Organization → Service tokens), or revoke the OAuth application grant.',
      "Review the database's audit log and insights for connections since it was committed.",
      'Create a replacement with the least access (a read-only password where it suffices) and store it as a secret.',
    ],
  },
});
