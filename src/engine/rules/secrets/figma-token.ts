import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/figma-token',
  description: 'Figma personal access token',
  severity: 'high',
  keywords: ['figd_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>figd_[A-Za-z0-9_-]{40,200})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Figma',
    url: 'https://help.figma.com/hc/en-us/articles/8085703771159',
    steps: [
      'In Settings → Security → Personal access tokens, revoke the token.',
      'Review the files and projects it could read or change.',
      'Create a replacement with the fewest scopes and an expiry, and store it as a secret.',
    ],
  },
});
