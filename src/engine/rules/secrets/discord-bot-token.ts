import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * Bot tokens are `base64(user id).timestamp.hmac`. The id is a decimal snowflake, so the first
 * segment starts with M, N or O. No literal occurs in every token, hence no keywords: the pattern
 * runs on every file and its exact segment lengths keep it cheap and precise. A first segment that
 * does not decode to an id (17 to 20 digits) is reported low: a test's made-up token, or no token at
 * all (a catalogue's part number whose `3.2mm` and `5.6mm` gave the dots).
 */
const base = defineSecretRule({
  id: 'secrets/discord-bot-token',
  description: 'Discord bot token',
  severity: 'critical',
  keywords: [],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_-])/g,
  minEntropy: 4,
  revoke: {
    provider: 'Discord',
    url: 'https://discord.com/developers/applications',
    steps: [
      'In the Developer Portal open the application → Bot → Reset Token; the old token stops working at once.',
      'Review the audit log of the servers the bot is in for actions you did not make.',
      'Store the new token as a secret and load it at run time.',
    ],
  },
});

const carriesAnId = (token: string): boolean => /^\d{17,20}$/.test(Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('latin1'));

export default refine(base, (f) =>
  f.secret === undefined || carriesAnId(f.secret)
    ? f
    : { ...f, confidence: 'low', message: `${f.message.replace(/\.$/, '')} (its first part does not decode to a user id, as a real token's does: a made-up token, or none).` },
);
