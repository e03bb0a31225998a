import { defineSecretRule } from './define.js';

/** SettleMint access tokens: `sm_pat_` (personal), `sm_aat_` (application), `sm_sat_` (service) and 16 alphanumerics. */
export default defineSecretRule({
  id: 'secrets/settlemint-token',
  description: 'SettleMint personal, application or service access token',
  severity: 'high',
  keywords: ['sm_pat_', 'sm_aat_', 'sm_sat_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sm_(?:pat|aat|sat)_[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.3,
  revoke: {
    provider: 'SettleMint',
    url: 'https://console.settlemint.com/',
    steps: [
      'In the SettleMint console, delete the access token (personal tokens under your profile, application tokens under the application).',
      'Review the blockchain nodes and middleware the token could reach.',
      'Create a replacement with an expiry and store it as a secret.',
    ],
  },
});
