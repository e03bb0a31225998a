import { defineSecretRule } from './define.js';

/** Production/sandbox access tokens: `EAAA` + 60 characters, and legacy `sq0atp-` personal tokens. */
export default defineSecretRule({
  id: 'secrets/square-access-token',
  description: 'Square access token',
  severity: 'critical',
  keywords: ['eaaa', 'sq0atp-'],
  pattern: /(?<![A-Za-z0-9_+/-])(?<secret>(?:EAAA|sq0atp-)[A-Za-z0-9_=+-]{22,60})(?![A-Za-z0-9_=+/?-])/g,
  minEntropy: 3.2,
  // A GUID that starts with `EAAA` (a database's `rowguid`, `{EAAA1C2B-…}`) is no token: Square's are not in a GUID's layout.
  validate: (s) => !/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i.test(s),
  revoke: {
    provider: 'Square',
    url: 'https://developer.squareup.com/apps',
    steps: [
      'In the Developer Console open the application → Credentials and replace the personal access token, or revoke the OAuth token with the RevokeToken endpoint.',
      'Review Payments and Refunds in the Seller Dashboard for activity you did not initiate.',
      'Store the new token as a secret and load it at run time.',
    ],
  },
});
