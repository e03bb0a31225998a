import { defineSecretRule } from './define.js';

/** WakaTime API keys: `waka_` and a UUID. */
export default defineSecretRule({
  id: 'secrets/wakatime-api-key',
  description: 'WakaTime API key',
  severity: 'high',
  keywords: ['waka_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>waka_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/g,
  minEntropy: 3,
  revoke: {
    provider: 'WakaTime',
    url: 'https://wakatime.com/settings/api-key',
    steps: [
      'In WakaTime → Settings → API Key, regenerate the key (editor plugins must be updated).',
      "Review the account's integrations and data exports.",
      'Keep the key in ~/.wakatime.cfg, not in a repository.',
    ],
  },
});
