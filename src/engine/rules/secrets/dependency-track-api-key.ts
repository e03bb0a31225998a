import { defineSecretRule } from './define.js';

/**
 * OWASP Dependency-Track API keys (`X-Api-Key`): `odt_` and 32 letters and digits; keys from 4.13 on
 * carry a public id before the secret (`odt_` + 8 + `_` + 32). A team's key uploads BOMs and, with its
 * permissions, reads the portfolio's vulnerabilities or administers the server.
 */
export default defineSecretRule({
  id: 'secrets/dependency-track-api-key',
  description: 'Dependency-Track API key',
  severity: 'high',
  keywords: ['odt_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>odt_(?:[A-Za-z0-9]{8}_)?[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.8,
  validate: (s) => {
    const key = s.slice(s.lastIndexOf('_') + 1);
    return /[A-Z]/.test(key) && /[a-z]/.test(key) && /[0-9]/.test(key);
  },
  revoke: {
    provider: 'Dependency-Track',
    url: 'https://docs.dependencytrack.org/integrations/rest-api/',
    steps: [
      'In Dependency-Track, Administration → Access Management → Teams, open the team that owns the key and delete (or regenerate) it.',
      'Review the audit trail for BOM uploads, analysis decisions, suppressions and permission changes since the commit.',
      'Give the replacement to a team with only the permissions the job needs (e.g. BOM_UPLOAD) and store it as a CI secret.',
    ],
  },
});
