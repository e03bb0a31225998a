import rule from '../../../../src/engine/rules/secrets/resend-api-key.js';
import { guardPlaceholders } from '../../../../src/engine/rules/secrets/lib/placeholder-guard.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, HEX, cat, rand } from '../../../helpers/tokens.js';

// Assembled at run time: the repository must pass its own scan.
const P = cat('r', 'e_');
const key = cat(P, rand(8, ALNUM, 'resend-id'), '_', rand(24, ALNUM, 'resend-secret'));
const other = cat(P, rand(8, ALNUM, 'resend-id2'), '_', rand(24, ALNUM, 'resend-secret2'));

ruleTester(guardPlaceholders(rule), {
  valid: [
    `const resend = new Resend('${P}123456789');`, // the docs' placeholder
    `RESEND_API_KEY=${P}xxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxx`,
    `RESEND_API_KEY=${P}xxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxx`,
    `RESEND_API_KEY=${cat(P, rand(8, ALNUM, 'a'), '_', rand(20, ALNUM, 'short'))}`, // secret too short
    `RESEND_API_KEY=${cat(P, rand(8, ALNUM, 'a'), '_', rand(30, ALNUM, 'long'))}`, // too long
    `RESEND_API_KEY=${cat(P, rand(32, ALNUM, 'nosep'))}`, // no id separator
    `RESEND_API_KEY=${cat(P, rand(8, ALNUM, 'a'), '-', rand(24, ALNUM, 'dash'))}`, // wrong separator
    `RESEND_API_KEY=${cat(P, rand(8, ALNUM, 'a'), '_', rand(20, ALNUM, 'b'), '+/==')}`, // wrong alphabet
    `const x = "${cat('sto', P.slice(0), rand(8, ALNUM, 'c'), '_', rand(24, ALNUM, 'd'))}";`, // inside a longer identifier
    `id = ${cat(P, 'abcdefgh', '_', rand(24, HEX, 'hexlower').replace(/[0-9]/g, 'a'))}`, // one case, no digits
    `RESEND_API_KEY=${P}invalid_key_12345`,
    'RESEND_API_KEY=${RESEND_API_KEY}',
  ],
  invalid: [
    { code: `RESEND_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `const resend = new Resend('${key}');`, path: 'src/mail.ts', secret: key },
    { code: `resend.api_key = "${other}"`, path: 'mail.py', secret: other },
    { code: `curl -X POST https://api.resend.com/emails -H "Authorization: Bearer ${key}"`, path: 'send.sh', secret: key },
    { code: `mail:\n  resend_key: ${key}\n`, path: 'config.yml', secret: key, line: 2 },
  ],
});
