import rule from '../../../../src/engine/rules/secrets/discord-bot-token.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

// base64 of a snowflake id, a 6-character timestamp, a 27- or 38-character HMAC.
const id = Buffer.from(rand(18, '0123456789', 'dbid')).toString('base64url');
const bot = cat(id, '.', rand(6, B64URL, 'dbts'), '.', rand(27, B64URL, 'dbmac'));
const newer = cat(Buffer.from(rand(19, '0123456789', 'dbid2')).toString('base64url'), '.', rand(6, B64URL, 'dbts2'), '.', rand(38, B64URL, 'dbmac2'));

ruleTester(rule, {
  valid: [
    `token = "${cat('P', id.slice(1), '.', rand(6, B64URL, 'v1'), '.', rand(27, B64URL, 'v2'))}"`, // not M/N/O
    `token = "${cat(id, '.', rand(5, B64URL, 'v3'), '.', rand(27, B64URL, 'v4'))}"`, // middle segment too short
    `token = "${cat(id, '.', rand(6, B64URL, 'v5'), '.', rand(26, B64URL, 'v6'))}"`, // last segment too short
    `token = "${cat(id.slice(0, 22), '.', rand(6, B64URL, 'v7'), '.', rand(27, B64URL, 'v8'))}"`, // first too short
    `token = "${cat(id, '.', rand(6, B64URL, 'v9'), '.', 'a'.repeat(27))}"`, // low entropy
    'DISCORD_TOKEN=${DISCORD_TOKEN}',
    'com.example.SomeVeryLongClassNameHere.method.callAnotherMethodWithLongName()',
    // Inside a word: a catalogue's part number after `Mount`, its dots from `3.2mm` and `5.6mm`.
    `Mounting_Wuerth_WA-SMSR-3.2mm_ReverseMount${rand(20, B64URL, 'kicad')}.${rand(6, B64URL, 'k2')}.${rand(30, B64URL, 'k3')}`,
  ],
  invalid: [
    { code: `client.login("${bot}");`, secret: bot, count: 1 },
    { code: `DISCORD_BOT_TOKEN=${newer}`, path: '.env', secret: newer },
    { code: `discord:\n  token: '${bot}'\n`, path: 'config.yml', secret: bot, line: 2 },
    { code: `{"token": "${newer}"}`, path: 'config.json', secret: newer },
    { code: `curl -H "Authorization: Bot ${bot}" https://discord.com/api/users/@me`, path: 'run.sh', secret: bot },
  ],
});

describe('secrets/discord-bot-token: the id inside', () => {
  it('is high when the first part decodes to a user id, low when it does not (a made-up token)', () => {
    expect(runRule(rule, { code: `DISCORD_TOKEN=${bot}`, path: '.env' }).map((f) => f.confidence)).toEqual(['high']);
    const madeUp = cat('M', rand(23, B64URL, 'noid'), '.', rand(6, B64URL, 'noid2'), '.', rand(27, B64URL, 'noid3'));
    expect(runRule(rule, { code: `DISCORD_TOKEN=${madeUp}`, path: '.env' }).map((f) => f.confidence)).toEqual(['low']);
  });
});
