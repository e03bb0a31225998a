import { defineSecretRule } from './define.js';

/**
 * Ionic Appflow personal access tokens: `ion_` and 42 letters and digits. They act as their owner on
 * Appflow's API (builds, deploys, signing credentials); the Ionic CLI reads them from `IONIC_TOKEN`.
 */
export default defineSecretRule({
  id: 'secrets/ionic-token',
  description: 'Ionic Appflow personal access token',
  severity: 'high',
  keywords: ['ion_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>ion_[A-Za-z0-9]{42})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.8,
  validate: (s) => /\d/.test(s.slice(4)) && /[A-Z]/.test(s) && /[a-z]/.test(s.slice(4)),
  revoke: {
    provider: 'Ionic Appflow',
    url: 'https://dashboard.ionicframework.com/settings/personal-access-tokens',
    steps: [
      'Delete the token in the Ionic dashboard under Personal Settings → Personal Access Tokens.',
      'Review the apps’ builds, deployments and signing credentials for activity since the commit.',
      'Create a new token with an expiry and store it as a CI secret (IONIC_TOKEN).',
    ],
  },
});
