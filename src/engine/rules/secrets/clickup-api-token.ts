import { defineSecretRuleSet } from './lib/rule-set.js';

/**
 * ClickUp personal API tokens are `pk_`, the user id (digits), `_` and 32 upper-case alphanumerics.
 */

export default defineSecretRuleSet({
  id: 'secrets/clickup-api-token',
  description: 'ClickUp personal API token',
  severity: 'high',
  variants: [
    {
      keywords: ['pk_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>pk_[0-9]{1,12}_[0-9A-Z]{32})(?![A-Za-z0-9_])/g,
      minEntropy: 3.5,
      validate: (s) => /[0-9]/.test(s.slice(-32)) && /[A-Z]/.test(s.slice(-32)),
    },
  ],
  revoke: {
    provider: 'ClickUp',
    url: 'https://app.clickup.com/settings/apps',
    steps: [
      'In ClickUp → Settings → Apps, regenerate the personal API token.',
      'Review the workspaces the user belongs to for tasks and docs changed since the commit.',
      'Store the new token as a secret.',
    ],
  },
});
