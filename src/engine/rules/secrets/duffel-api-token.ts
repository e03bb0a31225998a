import { defineSecretRule } from './define.js';

/** Duffel (flights) access tokens: `duffel_live_` or `duffel_test_` and 43 base64url characters. */
export default defineSecretRule({
  id: 'secrets/duffel-api-token',
  description: 'Duffel API access token',
  severity: 'high',
  keywords: ['duffel_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>duffel_(?:test|live)_[A-Za-z0-9_=-]{43})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Duffel',
    url: 'https://app.duffel.com/',
    steps: [
      'In the Duffel dashboard → Developers → Access tokens, revoke the token.',
      'Review orders and payments made through the API since it was committed.',
      'Create a replacement (test tokens for tests) and store it as a secret.',
    ],
  },
});
