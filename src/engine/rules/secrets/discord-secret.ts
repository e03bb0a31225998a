import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Discord client secrets (32 characters), API keys (64 hex) and bot tokens whose first segment does not
 * start with M/N/O (those are `discord-bot-token`): only recognisable next to a Discord credential name.
 */
export default defineSecretRuleSet({
  id: 'secrets/discord-secret',
  description: 'Discord client secret, API key or bot token assigned to a Discord-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['discord'],
      pattern: keyedSecret(credentialNamed(['discord']), '[a-f0-9]{64}|[A-LP-Za-z0-9_-][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}|[A-Za-z0-9_-]{32}'),
      nextLine: true,
      minEntropy: 2.8,
      // 32 digits is a plausible secret; 32 letters of one case is a word or an identifier.
      validate: (s) => /\d/.test(s) || charClasses(s) >= 3,
    },
    {
      // Under a parent key named after the provider (`discord:\n  api_key: …`, `[discord]\ntoken = …`).
      keywords: ['discord'],
      pattern: nestedSecret(['discord'], '[a-f0-9]{64}|[A-LP-Za-z0-9_-][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}|[A-Za-z0-9_-]{32}'),
      nextLine: true,
      minEntropy: 2.8,
      validate: (s) => /\d/.test(s) || charClasses(s) >= 3,
    },
  ],
  revoke: {
    provider: 'Discord',
    url: 'https://discord.com/developers/applications',
    steps: [
      'In the Developer Portal open the application: OAuth2 → Reset Secret for a client secret, Bot → Reset Token for a bot token.',
      'Update every deployment that uses it and review the servers the application is in for unexpected actions.',
      'Store the new value as a secret and load it at run time.',
    ],
  },
});
