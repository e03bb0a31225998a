import { defineSecretRule } from './define.js';

/** Salesforce access tokens and session ids: the 15-character org id (`00D…`), `!`, then 96 characters. */
export default defineSecretRule({
  id: 'secrets/salesforce-access-token',
  description: 'Salesforce access token (session id)',
  severity: 'high',
  keywords: ['00d'],
  pattern: /(?<![A-Za-z0-9_.!])(?<secret>00D[A-Za-z0-9]{12}![A-Za-z0-9_.]{96})(?![A-Za-z0-9_.])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Salesforce',
    url: 'https://help.salesforce.com/s/articleView?id=sf.security_overview_sessions.htm',
    steps: [
      'In Setup → Session Management, remove the session; for an OAuth token, revoke it in Setup → Connected Apps OAuth Usage (or POST /services/oauth2/revoke).',
      'Review the Login History and Event Monitoring for use since the commit.',
      'Use the OAuth JWT bearer or client-credentials flow at run time instead of a stored session.',
    ],
  },
});
