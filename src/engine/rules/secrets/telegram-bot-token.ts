import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedSecret, keywordsOf } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';

const TOKEN = '\\d{5,16}:[A-Za-z0-9_-]{35}';

/** `<bot id>:<35 characters>`. Current tokens read `…:AA…`; older or odd ones only count next to the name. */
export default defineSecretRuleSet({
  id: 'secrets/telegram-bot-token',
  description: 'Telegram Bot API token',
  severity: 'high',
  variants: [
    {
      keywords: ['api.telegram.org', 'tgram://'],
      pattern: new RegExp(`(?:api\\.telegram\\.org\\/(?:file\\/)?bot|tgram:\\/\\/)(?<secret>${TOKEN})(?![A-Za-z0-9_-])`, 'g'),
      minEntropy: 3.5,
    },
    {
      keywords: [':aa'],
      pattern: /(?<![A-Za-z0-9_:-])(?<secret>\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/g,
      minEntropy: 3.5,
    },
    {
      keywords: keywordsOf('telegram', 'tgram'),
      pattern: keyedSecret(names('telegram', 'tgram'), TOKEN, { notPrecededBy: 'A-Za-z0-9_\\-:' }),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Telegram',
    url: 'https://t.me/BotFather',
    steps: [
      'In a chat with @BotFather send /revoke, pick the bot, and confirm: the old token stops working and a new one is issued.',
      'Update the deployments that use the bot and check its chats for messages you did not send.',
      'Store the new token as a secret and load it at run time.',
    ],
  },
});
