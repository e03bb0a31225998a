import { defineSecretRuleSet } from './lib/rule-set.js';
import { charClasses } from '../../entropy.js';

/**
 * Bitbucket Cloud app passwords: `ATBB` + 32 alphanumerics. Older or hand-trimmed ones are still
 * recognisable as the password half of `user:ATBB…` (a clone URL, a basic-auth pair).
 */
export default defineSecretRuleSet({
  id: 'secrets/bitbucket-app-password',
  description: 'Bitbucket Cloud app password',
  severity: 'high',
  variants: [
    {
      keywords: ['atbb'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>ATBB[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/g,
      minEntropy: 3.5,
    },
    {
      // `user:ATBB…@bitbucket.org`, `-u user:ATBB…`, `("user", "ATBB…")`: the user name marks it.
      keywords: ['atbb'],
      pattern: /(?:(?<![\w-])[\w-]{1,30}:|["'][\w-]{1,30}["'],\s{0,4}["'])(?<secret>ATBB[\w=-]{12,64})(?![\w=-])/g,
      minEntropy: 3.2,
      confidence: 'medium',
      validate: (s) => charClasses(s.slice(4)) >= 2,
    },
  ],
  revoke: {
    provider: 'Bitbucket Cloud',
    url: 'https://bitbucket.org/account/settings/app-passwords/',
    steps: [
      'Revoke the app password under Personal settings → App passwords (its label tells you which integration used it).',
      'Review the workspace audit log and repository activity for its use since it was committed.',
      'App passwords are being retired: replace it with a scoped API token or a repository/workspace access token with an expiry, stored as a secured pipeline variable.',
    ],
  },
});
