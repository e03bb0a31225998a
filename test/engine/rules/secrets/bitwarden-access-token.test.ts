import rule from '../../../../src/engine/rules/secrets/bitwarden-access-token.js';
import { guardPlaceholders } from '../../../../src/engine/rules/secrets/lib/placeholder-guard.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, B64, HEX, cat, rand } from '../../../helpers/tokens.js';

const uuid = (seed: string): string => {
  const h = rand(32, HEX, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};
const token = (seed: string, secret = rand(30, ALNUM, `${seed}-s`), key = cat(rand(22, B64, `${seed}-k`), '==')): string => cat('0', '.', uuid(seed), '.', secret, ':', key);
const tok = token('bws');
const other = token('bws2');

ruleTester(guardPlaceholders(rule), {
  valid: [
    'BWS_ACCESS_TOKEN=<ACCESS_TOKEN>',
    `BWS_ACCESS_TOKEN=${cat('0.', '00000000-0000-0000-0000-000000000000.', 'x'.repeat(30), ':', 'x'.repeat(22), '==')}`,
    `BWS_ACCESS_TOKEN=${token('short', rand(20, ALNUM, 'short'))}`, // client secret too short
    `BWS_ACCESS_TOKEN=${token('nokey', rand(30, ALNUM, 'nokey'), rand(22, B64, 'nopad'))}`, // key without its padding
    `BWS_ACCESS_TOKEN=${cat('1', tok.slice(1))}`, // not version 0
    `BWS_ACCESS_TOKEN=${tok.replace(':', '.')}`, // wrong separator
    `BWS_ACCESS_TOKEN=${cat('1', tok)}`, // a longer number before it
    `id: ${uuid('bare')}`,
    'BWS_ACCESS_TOKEN=${{ secrets.BWS_ACCESS_TOKEN }}',
  ],
  invalid: [
    { code: `export BWS_ACCESS_TOKEN="${tok}"`, path: 'setup.sh', secret: tok, count: 1 },
    { code: `BWS_ACCESS_TOKEN=${other}`, path: '.env', secret: other },
    { code: `await client.auth().loginAccessToken("${tok}");`, path: 'src/secrets.ts', secret: tok },
    { code: `bws secret list --access-token '${tok}'`, path: 'run.sh', secret: tok },
    { code: `env:\n  BWS_ACCESS_TOKEN: ${tok}\n`, path: '.github/workflows/ci.yml', secret: tok, line: 2 },
  ],
});
