import { defineSecretRule } from './define.js';

/** Vault ≥ 1.10 tokens: service `hvs.`, batch `hvb.`, recovery `hvr.`. */
export default defineSecretRule({
  id: 'secrets/vault-token',
  description: 'HashiCorp Vault service, batch or recovery token',
  severity: 'critical',
  keywords: ['hvs.', 'hvb.', 'hvr.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>hv[sr]\.[\w-]{90,120}|hvb\.[\w-]{138,300})(?![\w-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'HashiCorp Vault / HCP Vault',
    url: 'https://developer.hashicorp.com/vault/docs/commands/token/revoke',
    steps: [
      'Revoke it: `vault token revoke <token>` (add `-mode=orphan` only if child tokens must survive), or revoke its accessor with `vault token revoke -accessor <accessor>`; batch tokens cannot be revoked — revoke their parent or wait out the TTL.',
      'Review the audit device log for requests made with the token’s accessor since it was committed, and rotate the secrets it could read.',
      'Have workloads authenticate with an auth method (AppRole, Kubernetes, JWT/OIDC) and obtain short-lived tokens at run time instead of storing one.',
    ],
  },
});
