import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

export default defineSecretRuleSet({
  id: 'secrets/sonar-token',
  description: 'SonarQube / SonarCloud user, project or global analysis token',
  severity: 'high',
  variants: [
    {
      // SonarQube ≥ 9.5: squ_ (user), sqp_ (project analysis), sqa_ (global analysis) + 40 hex.
      keywords: ['squ_', 'sqp_', 'sqa_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>sq[upa]_[a-f0-9]{40})(?![A-Za-z0-9_])/g,
      minEntropy: 3,
    },
    {
      // SonarQube Cloud scoped organization tokens.
      keywords: ['sqco_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>sqco_[A-Za-z0-9]{59})(?![A-Za-z0-9_=-])/g,
      minEntropy: 3.5,
    },
    {
      // Unprefixed (older, or SonarCloud) 40-character tokens next to sonar.login / SONAR_TOKEN.
      keywords: ['sonar'],
      pattern: assignment(credentialName(['sonar'], ['login', 'token', 'auth', 'password'], 12), '(?:sq[upa]_)?[A-Za-z0-9=_-]{40}'),
      nextLine: true,
      confidence: 'medium',
      // Entropy is not required: peers' fixtures use sequential stand-ins. Words are excluded instead.
      validate: (s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s),
    },
    {
      // Under a parent key named after the provider (`sonar:\n  api_key: …`, `[sonar]\ntoken = …`).
      keywords: ['sonar'],
      pattern: nestedSecret(['sonar'], '(?:sq[upa]_)?[A-Za-z0-9=_-]{40}', { words: ['login', 'token', 'auth', 'password'] }),
      nextLine: true,
      confidence: 'medium',
      validate: (s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s),
    },
  ],
  revoke: {
    provider: 'SonarQube / SonarQube Cloud',
    url: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/',
    steps: [
      'Revoke the token under My Account → Security (administrators can revoke any user’s tokens under Administration → Security → Users).',
      'A user token (squ_) acts with that user’s permissions: review project settings and quality gates for changes since it was committed.',
      'Replace it with a project analysis token (sqp_) with an expiry, stored as a CI secret (SONAR_TOKEN).',
    ],
  },
});
