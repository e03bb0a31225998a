import { defineSecretRule } from './define.js';

/** PostHog personal API keys (`phx_`) read and change a whole organisation; project keys (`phc_`) are public by design and not reported. */
export default defineSecretRule({
  id: 'secrets/posthog-personal-api-key',
  description: 'PostHog personal API key',
  severity: 'high',
  keywords: ['phx_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>phx_[A-Za-z0-9_]{43,48})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'PostHog',
    url: 'https://app.posthog.com/settings/user-api-keys',
    steps: [
      'In PostHog → Settings → Personal API keys, delete the key.',
      'Review the activity log for changes to projects, feature flags and exports.',
      'Create a replacement with scopes limited to what it needs and store it as a secret.',
    ],
  },
});
