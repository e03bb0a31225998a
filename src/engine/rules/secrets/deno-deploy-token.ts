import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/deno-deploy-token',
  description: 'Deno Deploy personal or organization access token',
  severity: 'high',
  keywords: ['ddp_', 'ddw_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>dd[pw]_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Deno Deploy',
    url: 'https://dash.deno.com/account#access-tokens',
    steps: [
      'Delete the token under Account settings → Access tokens (organization tokens under the organization’s settings).',
      'Review the projects it could deploy for deployments you did not make.',
      'Use GitHub Actions OIDC (deployctl) instead of a stored token where possible; otherwise store the replacement as a CI secret.',
    ],
  },
});
