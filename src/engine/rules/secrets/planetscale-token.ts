import { defineSecretRule } from './define.js';

/** PlanetScale credentials: `pscale_pw_` (a database branch login), `pscale_tkn_` (a service token) and `pscale_oauth_` (an OAuth token), 32–64 characters after the prefix. */
export default defineSecretRule({
  id: 'secrets/planetscale-token',
  description: 'PlanetScale password, service token or OAuth token',
  severity: 'high',
  keywords: ['pscale_tkn_', 'pscale_oauth_', 'pscale_pw_'],
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
