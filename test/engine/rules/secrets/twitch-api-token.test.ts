import rule from '../../../../src/engine/rules/secrets/twitch-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, LOWER_ALNUM } from '../../../helpers/tokens.js';

const key = rand(30, LOWER_ALNUM, 'twitch');
const oauth = cat('oauth:', rand(30, LOWER_ALNUM, 'twitch-oauth'));

ruleTester(rule, {
  valid: [`client_secret = "${key}"`, `TWITCH_CLIENT_SECRET=${rand(29, LOWER_ALNUM, 't')}`, `TWITCH_CLIENT_SECRET=\${TWITCH_CLIENT_SECRET}`, `twitch_channel = "${key}"`, `twitch_user_id = "${key}"`],
  invalid: [
    { code: `TWITCH_CLIENT_SECRET=${key}`, path: '.env', secret: key, count: 1 },
    { code: `TWITCH_OAUTH_TOKEN=${oauth}`, path: '.env', secret: oauth },
    { code: `twitch:\n  client_secret: ${key}`, path: 'bot.yml', secret: key },
    { code: `const twitchToken = "${key}";`, path: 'bot.ts', secret: key },
    { code: `{"twitch_access_token": "${key}"}`, path: 'config.json', secret: key },
  ],
});
