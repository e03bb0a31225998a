import { defineSecretRule } from './define.js';

/**
 * Personal, project and group access tokens share `glpat-`: 20 characters classically, or the routable
 * format (GitLab 17+): a longer base64url payload, `.`, a 2-character version, `.`, 9 characters.
 */
export default defineSecretRule({
  id: 'secrets/gitlab-pat',
  description: 'GitLab personal, project or group access token',
  severity: 'critical',
  keywords: ['glpat-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>glpat-(?:[\w-]{27,300}(?:\.[0-9a-z]{2})?\.[0-9a-z]{9}|[\w-]{20,50}))(?![\w-])/g,
  minEntropy: 3,
  revoke: {
    provider: 'GitLab',
    url: 'https://gitlab.com/-/user_settings/personal_access_tokens',
    steps: [
      'Revoke the token: a personal token under User settings → Access tokens; a project or group token under that project’s or group’s Settings → Access tokens (self-managed administrators can also look it up and revoke it through the token information API).',
      'Check the audit events of the owning user, project or group for use of the token since it was committed.',
      'Create a replacement with the fewest scopes and the shortest expiry that work, and store it as a masked, protected CI/CD variable or in a secret manager.',
    ],
  },
});
