import { defineSecretRule } from './define.js';

/** Netlify personal access tokens in the prefixed format: `nfp_` + 36 characters. */
export default defineSecretRule({
  id: 'secrets/netlify-token',
  description: 'Netlify personal access token',
  severity: 'critical',
  confidence: 'high',
  keywords: ['nfp_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>nfp_[A-Za-z0-9_]{36})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Netlify',
    url: 'https://app.netlify.com/user/applications#personal-access-tokens',
    steps: [
      'Delete the token under User settings → Applications → Personal access tokens.',
      'Create a replacement with an expiry, stored as a CI secret.',
      'Review the team audit log for deploys and changes made with the token since the commit.',
    ],
  },
});
