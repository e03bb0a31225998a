import { defineSecretRule } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';

/** Linode (Akamai Cloud) personal access tokens: 64 hex characters, found by a Linode name. */
export default withNextLine(
  defineSecretRule({
    id: 'secrets/linode-token',
    description: 'Linode / Akamai Cloud personal access token',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['linode'],
    pattern: assignment(names('linode'), '[a-f0-9]{64}'),
    minEntropy: 3,
    revoke: {
      provider: 'Linode (Akamai Cloud)',
      url: 'https://cloud.linode.com/profile/tokens',
      steps: [
        'Revoke the token under My Profile → API Tokens.',
        'Create a replacement with only the scopes needed and an expiry, stored as a CI secret.',
        'Review the account\'s events log for actions made with the token since the commit.',
      ],
    },
  }),
);
