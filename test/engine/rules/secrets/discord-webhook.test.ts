import rule from '../../../../src/engine/rules/secrets/discord-webhook.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const H = cat('https://discord', '.com/api/webhooks/');
const token = rand(68, B64URL, 'dwt');
const url = cat(H, rand(18, '0123456789', 'dwi'), '/', token);

ruleTester(rule, {
  valid: [
    `url = "${H}123456789012345678/${'x'.repeat(68)}"`,
    `url = "${H}${rand(18, '0123456789', 'a')}/${rand(20, B64URL, 'b')}"`, // token too short
    'DISCORD_WEBHOOK=${DISCORD_WEBHOOK}',
    `docs: POST to ${H}{webhook.id}/{webhook.token}`,
  ],
  invalid: [
    { code: `const hook = "${url}";`, secret: token, count: 1 },
    { code: `discord_hook: "${url}"`, path: 'config.yaml', secret: token },
    { code: `DISCORD_WEBHOOK_URL=${url.replace('discord.com', 'discordapp.com')}`, path: '.env', secret: token },
    { code: `curl -H "Content-Type: application/json" -d '{"content":"hi"}' ${url.replace('/api/', '/api/v10/')}`, path: 'a.sh', secret: token },
  ],
});
