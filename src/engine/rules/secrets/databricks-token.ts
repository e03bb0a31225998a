import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/databricks-token',
  description: 'Databricks personal access token',
  severity: 'critical',
  keywords: ['dapi'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>dapi[a-fA-F0-9]{32}(?:-\d)?)(?![A-Za-z0-9_])/g,
  minEntropy: 3,
  revoke: {
    provider: 'Databricks',
    url: 'https://docs.databricks.com/aws/en/dev-tools/auth/pat',
    steps: [
      'Revoke the token in the workspace: Settings → Developer → Access tokens (admins: Settings → Advanced → Personal access tokens, or the Token Management API).',
      'Review the workspace audit logs for jobs, clusters or data access since it was committed.',
      'Prefer OAuth machine-to-machine credentials for a service principal as the replacement; store it as a secret.',
    ],
  },
});
