import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/discord-webhook',
  description: 'Discord webhook URL',
  severity: 'high',
  keywords: ['discord.com/api', 'discordapp.com/api'],
  pattern: /https?:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api\/(?:v\d{1,2}\/)?webhooks\/\d{17,20}\/(?<secret>[A-Za-z0-9_-]{60,72})(?![A-Za-z0-9_-])/g,
  minEntropy: 4,
  revoke: {
    provider: 'Discord',
    url: 'https://support.discord.com/hc/en-us/articles/228383668',
    steps: [
      'In the channel settings → Integrations → Webhooks, delete the webhook (or call DELETE on the webhook URL).',
      'Create a new webhook and check the channel for messages you did not send.',
      'Store the new URL as a secret and load it at run time.',
    ],
  },
});
