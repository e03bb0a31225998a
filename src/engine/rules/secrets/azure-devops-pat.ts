import { defineSecretRule } from './define.js';

/**
 * Azure DevOps personal access tokens in the 84-character format (since 2024): 52 random characters,
 * the `JQQJ` signature of Microsoft's annotated keys, and `AZDO` at offset 76.
 */
export default defineSecretRule({
  id: 'secrets/azure-devops-pat',
  description: 'Azure DevOps personal access token',
  severity: 'critical',
  confidence: 'high',
  keywords: ['azdo'],
  pattern: /(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{52}JQQJ[A-Za-z0-9]{20}AZDO[A-Za-z0-9]{4})(?![A-Za-z0-9])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Azure DevOps',
    url: 'https://dev.azure.com/_usersSettings/tokens',
    steps: [
      'Revoke the token under User settings → Personal access tokens (organisation admins: Organization settings → Policies / the PAT revocation API).',
      'Prefer a service principal or managed identity (or workload identity federation for pipelines); otherwise create a replacement PAT with the fewest scopes, one organisation and a short expiry.',
      "Review the organisation's auditing log for activity with the token since the commit.",
    ],
  },
});
