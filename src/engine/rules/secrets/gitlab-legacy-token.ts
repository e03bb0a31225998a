import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Tokens issued before GitLab 14.5 had no prefix: 20 base64url characters. They are only recognisable
 * next to the GitLab name (`GITLAB_TOKEN=…`, `"gitlab_secret": "…"`).
 */
export default defineSecretRuleSet({
  id: 'secrets/gitlab-legacy-token',
  description: 'Unprefixed (pre-14.5) GitLab access token assigned to a GitLab-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['gitlab'],
      pattern: assignment(credentialName(['gitlab']), '[A-Za-z0-9][\\w-]{19}'),
      nextLine: true,
      minEntropy: 3.2,
      // Random 20-character tokens mix upper, lower and digits; words and prefixed tokens do not pass.
      validate: (s) => charClasses(s.replace(/[-_]/g, '')) >= 3 && !/^gl[a-z]{1,6}-/.test(s),
    },
    {
      // Under a parent key named after the provider (`gitlab:\n  api_key: …`, `[gitlab]\ntoken = …`).
      keywords: ['gitlab'],
      pattern: nestedSecret(['gitlab'], '[A-Za-z0-9][\\w-]{19}'),
      nextLine: true,
      minEntropy: 3.2,
      validate: (s) => charClasses(s.replace(/[-_]/g, '')) >= 3 && !/^gl[a-z]{1,6}-/.test(s),
    },
  ],
  revoke: {
    provider: 'GitLab',
    url: 'https://gitlab.com/-/user_settings/personal_access_tokens',
    steps: [
      'Find which token this is (personal, project, group or deploy token) and revoke it in the corresponding Access tokens settings page.',
      'Review audit events for its use since it was committed.',
      'Issue a replacement (it will carry a glpat- style prefix that scanners recognise), with the fewest scopes and an expiry, and store it as a masked CI/CD variable.',
    ],
  },
});
