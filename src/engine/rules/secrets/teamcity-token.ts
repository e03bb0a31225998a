import { defineSecretRule } from './define.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * TeamCity access tokens: three dot-separated base64 parts like a JWT's, the first always the header
 * `{"typ": "TCV2"}` (`eyJ0eXAiOiAiVENWMiJ9`), the last a UUID in base64. The generic JWT rule skips
 * them (no `alg`), and a UUID is what a truncated copy lacks.
 */
export default defineSecretRule({
  id: 'secrets/teamcity-token',
  description: 'TeamCity access token',
  severity: 'critical',
  keywords: ['eyj0exaioiaivenwmij9.'],
  pattern: /(?<![A-Za-z0-9_.+/-])(?<secret>eyJ0eXAiOiAiVENWMiJ9\.[A-Za-z0-9_+/-]{28,60}={0,2}\.[A-Za-z0-9_+/-]{48}(?:={0,2}))(?![A-Za-z0-9_+/=-])/g,
  validate: (secret) => UUID.test(Buffer.from(secret.slice(secret.lastIndexOf('.') + 1), 'base64').toString('latin1')),
  revoke: {
    provider: 'TeamCity',
    url: 'https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens',
    steps: [
      'Delete the token in TeamCity under the owner’s Profile → Access Tokens (an administrator can remove it from the user’s account page).',
      'Review the server’s audit log for actions by that user since the commit: builds started, settings or parameters changed, artifacts read.',
      'Create a new token limited to the permissions and projects the client needs, with an expiration date, and keep it in your secret store.',
    ],
  },
});
