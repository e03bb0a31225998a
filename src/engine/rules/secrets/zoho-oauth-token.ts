import { defineSecretRule } from './define.js';

/** Zoho's documented example refresh token (split so that this file passes its own scan). */
const DOCS_EXAMPLE = '86a03ca5dbfccb74' + '45b1889b8215efb0';

/**
 * Zoho OAuth tokens (Zoho CRM, Books, Desk and every other Zoho API): `1000.`, 32 hex digits, `.` and 32
 * hex digits — refresh tokens, which never expire, and the one-hour access tokens share the shape. The
 * client id (`1000.` and 30 capitals and digits) is not a secret and does not match.
 */
export default defineSecretRule({
  id: 'secrets/zoho-oauth-token',
  description: 'Zoho OAuth refresh or access token',
  severity: 'high',
  keywords: ['1000.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>1000\.[0-9a-f]{32}\.[0-9a-f]{32})(?![A-Za-z0-9_.-])/g,
  minEntropy: 3.5,
  validate: (s) => !s.startsWith(`1000.${DOCS_EXAMPLE}`) && s.split('.').every((part) => part === '1000' || (/[a-f]/.test(part) && /[0-9]/.test(part))),
  revoke: {
    provider: 'Zoho',
    url: 'https://accounts.zoho.com/home#sessions/userconnectedapps',
    steps: [
      'Revoke the refresh token: POST {accounts-server-url}/oauth/v2/token/revoke?token=<refresh token>, or remove the app under Zoho Accounts → Sessions → Connected Apps (use your data centre’s accounts URL: .eu, .in, .com.au, .jp…).',
      'Review the Zoho CRM/Books/Desk audit logs for records read or changed since the commit.',
      'Generate a new grant with the narrowest scopes and keep the refresh token in a secret store.',
    ],
  },
});
