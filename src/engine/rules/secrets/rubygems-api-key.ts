import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/rubygems-api-key',
  description: 'RubyGems.org API key',
  severity: 'critical',
  keywords: ['rubygems_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>rubygems_[a-z0-9]{48})(?![A-Za-z0-9_])/g,
  minEntropy: 3,
  revoke: {
    provider: 'RubyGems.org',
    url: 'https://rubygems.org/profile/api_keys',
    steps: [
      'Delete the key under Settings → API keys on rubygems.org.',
      'Check the gems the key could push or yank for versions you did not release.',
      'Prefer trusted publishing from CI; otherwise create a key scoped to one gem and the push permission only, with MFA required, stored as a CI secret.',
    ],
  },
});
