import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/docker-hub-token',
  description: 'Docker Hub personal or organization access token',
  severity: 'high',
  keywords: ['dckr_pat_', 'dckr_oat_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>dckr_pat_[\w-]{27}|dckr_oat_[\w-]{32})(?![\w-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Docker Hub',
    url: 'https://app.docker.com/settings/personal-access-tokens',
    steps: [
      'Delete the token: a personal token under Account settings → Personal access tokens, an organization token under the organization’s Access tokens.',
      'Review the repositories it could push to for images or tags you did not publish.',
      'Create a replacement with read-only or the narrowest access and an expiry, stored as a CI secret.',
    ],
  },
});
