import { defineSecretRule } from './define.js';

/**
 * MongoDB Atlas service account client secrets: `mdb_sa_sk_` and 40 letters, digits, `_` or `-`. With
 * the client id (`mdb_sa_id_` and 24 hex digits, not itself a secret) it obtains Admin API access tokens
 * with the service account's organization or project roles.
 */
export default defineSecretRule({
  id: 'secrets/mongodb-atlas-service-account-secret',
  description: 'MongoDB Atlas service account client secret',
  severity: 'critical',
  keywords: ['mdb_sa_sk_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>mdb_sa_sk_[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.8,
  validate: (s) => {
    const body = s.slice(10);
    return /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body);
  },
  revoke: {
    provider: 'MongoDB Atlas',
    url: 'https://cloud.mongodb.com/',
    steps: [
      'In Atlas, open Organization (or Project) Access Manager → Applications → Service Accounts, select the account and delete the leaked secret (generate a new one first if jobs depend on it); revoke its outstanding tokens with POST https://cloud.mongodb.com/api/oauth/revoke.',
      'Review the organization and project activity feeds for clusters, users, network access or backups changed since the commit.',
      'Give the service account the least role it needs and an API access list, and store the new secret in a secret store.',
    ],
  },
});
