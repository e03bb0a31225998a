import { defineSecretRule } from './define.js';

/** ReadMe (developer hub) API keys: `rdme_` and 70 lower-case alphanumerics. */
export default defineSecretRule({
  id: 'secrets/readme-api-key',
  description: 'ReadMe API key',
  severity: 'high',
  keywords: ['rdme_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>rdme_[a-z0-9]{70})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'ReadMe',
    url: 'https://dash.readme.com/',
    steps: [
      'In the project dashboard → API Keys, revoke the key.',
      "Review the project's changelog and pages for changes made with it.",
      'Create a replacement and store it as a CI secret (rdme CLI reads RDME_API_KEY).',
    ],
  },
});
