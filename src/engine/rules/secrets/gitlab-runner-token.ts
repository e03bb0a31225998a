import { defineSecretRule } from './define.js';

/**
 * Runner authentication tokens (`glrt-`, routable `glrt-t1_…` since GitLab 16/17) and the deprecated
 * runner registration tokens, which always start with `GR1348941`.
 */
export default defineSecretRule({
  id: 'secrets/gitlab-runner-token',
  description: 'GitLab runner authentication or registration token',
  severity: 'high',
  keywords: ['glrt-', 'gr1348941'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>glrt-(?:[\w-]{27,300}(?:\.[0-9a-z]{2})?\.[0-9a-z]{9}|[\w-]{20,50})|GR1348941[\w-]{20,50})(?![\w-])/g,
  // `GR1348941` + a run of repeated digits (a documentation stand-in) stays under this.
  minEntropy: 3,
  revoke: {
    provider: 'GitLab',
    url: 'https://docs.gitlab.com/ci/runners/runners_scope/',
    steps: [
      'For an authentication token (glrt-): reset it on the runner’s page (Settings → CI/CD → Runners → edit the runner → Reset token), or delete the runner and create a new one; then update config.toml on the runner host.',
      'For a registration token (GR1348941…): reset the project, group or instance registration token under Settings → CI/CD → Runners, and migrate to the runner creation workflow (registration tokens are deprecated).',
      'Review the runner list for runners you did not register and remove them; review jobs the runner picked up since the leak.',
    ],
  },
});
