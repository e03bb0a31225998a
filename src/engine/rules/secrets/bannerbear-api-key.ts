import { defineSecretRule } from './define.js';

/** Bannerbear API keys: project keys `bb_pr_` and master keys `bb_ma_`, each with 30 hex digits. */
export default defineSecretRule({
  id: 'secrets/bannerbear-api-key',
  description: 'Bannerbear API key',
  severity: 'high',
  keywords: ['bb_pr_', 'bb_ma_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>bb_(?:pr|ma)_[a-f0-9]{30})(?![A-Za-z0-9_-])/g,
  minEntropy: 3,
  revoke: {
    provider: 'Bannerbear',
    url: 'https://app.bannerbear.com/',
    steps: [
      'In Bannerbear, open the project’s Settings (a master key: Account → API keys) and reset the API key.',
      'Review the project’s images, videos and usage since the commit: generations are billed to the account.',
      'Store the new key as a server-side secret.',
    ],
  },
});
