import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/octopus-deploy-api-key',
  description: 'Octopus Deploy API key',
  severity: 'high',
  keywords: ['api-'],
  // `API-` + 26–34 upper-case alphanumerics; `GSSAPI-…`, `_API-…` and lower case are other things.
  pattern: /(?<![A-Za-z0-9_\-/.])(?<secret>API-[A-Z0-9]{26,34})(?![A-Za-z0-9_-])/g,
  minEntropy: 3,
  // Keys mix digits into the letters; an upper-case word run (`API-VIRHEKAPSELO…`) has none.
  validate: (s) => /[0-9]/.test(s.slice(4)) && /[A-Z]/.test(s.slice(4)),
  revoke: {
    provider: 'Octopus Deploy',
    url: 'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key',
    steps: [
      'Revoke the key under your profile → My API Keys (for a service account: Configuration → Users → the account → API keys).',
      'Review the audit log for deployments, variable reads and configuration changes made with it since it was committed.',
      'Create a replacement for a dedicated service account with the fewest permissions and an expiry, stored as a CI secret (or use OIDC).',
    ],
  },
});
