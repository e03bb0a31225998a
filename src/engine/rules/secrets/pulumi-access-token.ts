import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/pulumi-access-token',
  description: 'Pulumi Cloud access token',
  severity: 'critical',
  keywords: ['pul-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pul-[a-z0-9]{40})(?![A-Za-z0-9_-])/g,
  minEntropy: 3,
  revoke: {
    provider: 'Pulumi Cloud',
    url: 'https://app.pulumi.com/account/tokens',
    steps: [
      'Delete the token: a personal token under Personal settings → Access tokens; a team or organization token under the organization’s Settings → Access tokens.',
      'Review the organization audit log for stack updates and state/secret reads made with it since it was committed (stack configuration secrets may be exposed).',
      'Prefer OIDC from CI; otherwise create a team token limited to the stacks needed, with an expiry, stored as PULUMI_ACCESS_TOKEN in CI secrets.',
    ],
  },
});
