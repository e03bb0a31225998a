import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/terraform-cloud-token',
  description: 'HCP Terraform (Terraform Cloud) / Terraform Enterprise user, team or organization API token',
  severity: 'critical',
  keywords: ['.atlasv1.'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'HCP Terraform / Terraform Enterprise',
    url: 'https://app.terraform.io/app/settings/tokens',
    steps: [
      'Delete the token: a user token under User settings → Tokens; a team or organization token under the organization’s Settings → API tokens (regenerating replaces it).',
      'Review the organization’s audit trail for runs, state downloads and variable reads made with it since it was committed (state and sensitive variables may have been read).',
      'Prefer dynamic credentials/OIDC in CI; otherwise create a team token with the least workspace access and an expiry, stored as a CI secret (TF_TOKEN_app_terraform_io).',
    ],
  },
});
