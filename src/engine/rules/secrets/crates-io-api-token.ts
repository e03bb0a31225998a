import { defineSecretRule } from './define.js';

/**
 * crates.io API tokens: `cio` and 32 letters and digits (crates.io's `SecureToken`: the `cio` prefix and
 * a 32-character alphanumeric random string). A token with the publish scopes can push new versions of
 * every crate its owner maintains.
 */
export default defineSecretRule({
  id: 'secrets/crates-io-api-token',
  description: 'crates.io API token',
  severity: 'critical',
  keywords: ['cio'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>cio[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.8,
  validate: (s) => {
    const body = s.slice(3);
    return /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body);
  },
  revoke: {
    provider: 'crates.io',
    url: 'https://crates.io/settings/tokens',
    steps: [
      'On crates.io → Account Settings → API Tokens, revoke the token.',
      'Check the versions published for your crates since the commit and yank any you did not publish.',
      'Prefer Trusted Publishing from CI; otherwise create a token scoped to the crates and endpoints it needs, with an expiry, stored as CARGO_REGISTRY_TOKEN in the CI secret store.',
    ],
  },
});
