import { defineSecretRule } from './define.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CLAIMS = new RegExp(`^${UUID}-\\d+(?:\\.\\d+)*(?:\\.[A-Za-z]{2,8})?$`);

/**
 * Teamwork.com (Projects, Desk, CRM, Spaces) API tokens: `tkn.v1_` and base64 of a UUID, `-`, the
 * installation and user ids and the data region (`…-683658.580703.EU`), which the rule decodes and
 * checks. Teamwork sends them as `Authorization: Bearer`; older opaque tokens use Basic.
 */
export default defineSecretRule({
  id: 'secrets/teamwork-api-token',
  description: 'Teamwork API token',
  severity: 'high',
  keywords: ['tkn.v1_'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>tkn\.v1_[A-Za-z0-9+/]{56,160}={0,2})(?![A-Za-z0-9_+/=-])/g,
  minEntropy: 4,
  validate: (s) => CLAIMS.test(Buffer.from(s.slice(7), 'base64').toString('latin1')),
  revoke: {
    provider: 'Teamwork',
    url: 'https://www.teamwork.com/',
    steps: [
      'In Teamwork, open the API settings of the user the token belongs to (in Projects: your profile → Edit My Details → API & Mobile) and regenerate or revoke the token.',
      'Review projects, tickets, deals and users changed through the API since the commit.',
      'Store the replacement as a server-side secret.',
    ],
  },
});
