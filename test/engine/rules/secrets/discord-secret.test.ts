import rule from '../../../../src/engine/rules/secrets/discord-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, B64URL } from '../../../helpers/tokens.js';

const apiKey = rand(64, HEX, 'dsk');
const clientSecret = rand(32, B64URL, 'dcs');
const digits = rand(32, '0123456789', 'dcsd');
const oddBot = cat('o', rand(23, B64URL, 'dob1'), '.', rand(6, B64URL, 'dob2'), '.', rand(27, B64URL, 'dob3'));

ruleTester(rule, {
  valid: [
    `discord_client_id = "${rand(18, '0123456789', 'did')}"`, // an id, not a secret
    `discordToken = "${'0'.repeat(32)}"`,
    `discord_secret = "${rand(31, B64URL, 'short')}"`,
    'DISCORD_CLIENT_SECRET=${DISCORD_CLIENT_SECRET}',
    `discord_webhook_channel: announcementsForEveryoneHereNow`, // a word, no secret shape
    `api_secret = "${clientSecret}"`, // no Discord name
    // An application's public key (Ed25519, 64 hex) verifies interaction signatures: public by design.
    `DISCORD_PUBLIC_KEY=${apiKey}`,
    `const discordPublicKey = "${apiKey}";`,
    `discord:\n  application_pub_key: ${apiKey}\n`,
    `discord:\n  region: ${clientSecret}`, // nested, not a credential key
    `discord:\n  client_id: ${clientSecret}`, // nested, an id
    `discord:\n  client_secret: ${'a'.repeat(32)}`, // nested placeholder
    `discord:\n  public_key: ${apiKey}`, // nested, the application's public key
  ],
  invalid: [
    { code: `DISCORD_CLIENT_SECRET=${clientSecret}`, path: '.env', secret: clientSecret, count: 1 },
    { code: `discordApiKey := "${apiKey}"`, path: 'main.go', secret: apiKey },
    { code: `app:\n  discord_client_secret: "${digits}"\n`, path: 'config.yaml', secret: digits, line: 2 },
    { code: `"discord_secret": "${oddBot}"`, path: 'a.json', secret: oddBot },
    { code: `NEXT_PUBLIC_DISCORD_BOT_SECRET=${clientSecret}`, secret: clientSecret },
    { code: `<discordToken>\n    ${apiKey}\n</discordToken>`, path: 'settings.xml', secret: apiKey, line: 2 },
    { code: `discord:\n  client_secret: ${clientSecret}\n`, path: 'config.yml', secret: clientSecret, count: 1 },
    { code: `[discord]\nclient_secret = "${clientSecret}"\n`, path: 'settings.toml', secret: clientSecret },
    { code: `services:\n  - discord:\n      client_secret: ${clientSecret}\n`, path: 'config.yml', secret: clientSecret },
  ],
});
