import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/clojars-token',
  description: 'Clojars deploy token',
  severity: 'critical',
  keywords: ['clojars_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>(?:CLOJARS|clojars)_[A-Za-z0-9]{60})(?![A-Za-z0-9_])/g,
  minEntropy: 3,
  revoke: {
    provider: 'Clojars',
    url: 'https://clojars.org/tokens',
    steps: [
      'Disable the token on clojars.org under Dashboard → Deploy Tokens.',
      'Check the groups and artifacts it could deploy for versions you did not release.',
      'Create a replacement scoped to the one group or artifact, with an expiry, stored as a CI secret.',
    ],
  },
});
