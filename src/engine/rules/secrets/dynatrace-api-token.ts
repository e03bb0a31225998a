import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/dynatrace-api-token',
  description: 'Dynatrace API token',
  severity: 'high',
  keywords: ['dt0c01.'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64})(?![A-Za-z0-9_])/g,
  minEntropy: 4,
  revoke: {
    provider: 'Dynatrace',
    url: 'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens',
    steps: [
      'In Access tokens, disable and delete the token (or call DELETE /api/v2/apiTokens/{id}).',
      'Review the audit log for configuration changes since it was committed.',
      'Create a replacement with the fewest scopes and an expiry, and store it as a secret.',
    ],
  },
});
