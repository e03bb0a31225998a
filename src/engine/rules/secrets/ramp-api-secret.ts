import { defineSecretRule } from './define.js';

/** Ramp (corporate cards) API client secrets: `ramp_sec_` and 48 alphanumerics (`ramp_id_` client ids are identifiers). */
export default defineSecretRule({
  id: 'secrets/ramp-api-secret',
  description: 'Ramp API client secret',
  severity: 'high',
  keywords: ['ramp_sec_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>ramp_sec_[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Ramp',
    url: 'https://app.ramp.com/developer',
    steps: [
      'In Ramp → Developer → your app, rotate the client secret.',
      'Review card, transaction and reimbursement activity through the API since the commit.',
      'Store the new secret as a secret and request only the scopes the integration needs.',
    ],
  },
});
