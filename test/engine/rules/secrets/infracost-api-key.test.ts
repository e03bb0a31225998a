import rule from '../../../../src/engine/rules/secrets/infracost-api-key.js';
import { guardPlaceholders } from '../../../../src/engine/rules/secrets/lib/placeholder-guard.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX, B64URL, LOWER_ALNUM } from '../../../helpers/tokens.js';

// Assembled at run time: the repository must pass its own scan.
const tok = cat('ico', '-', rand(32, ALNUM, 'ico'));
const secret = tok;
const short = cat('ico', '-', rand(20, ALNUM, 'icos'));
void [ALNUM, HEX, B64URL, LOWER_ALNUM];

// Through the registry's placeholder floor, as the scanner runs it.
ruleTester(guardPlaceholders(rule), {
  valid: [
    `key = "${short}"`, // too short
    `key = "my${tok}x"`, // glued to other text
    // Placeholders after the prefix: a mask, and a digit/hex run in the token's own shape.
    `token: ${tok.slice(0, tok.length - secret.length)}${secret.replace(/[A-Za-z0-9]/g, 'x')}`,
    `token: ${tok.slice(0, tok.length - secret.length)}${secret.replace(/[A-Za-z0-9]/g, (_c: string, i: number) => '0123456789abcdef'[i % 16]!)}`,
    'API_TOKEN=${API_TOKEN}',
    'infracost-api-key docs: see the provider console for your key',
    `<i class="ico-arrow-right ico-large"></i>`,
    // An asset's name with its content hash.
    `<img src="https://assets.example.org/video_box.ico-${rand(32, ALNUM, 'icohash')}.png">`,
  ],
  invalid: [
    { code: `API_TOKEN=${tok}`, path: '.env', secret, count: 1, line: 1 },
    { code: `client = Client(token="${tok}")`, path: 'app.py', secret },
    { code: `settings:\n  api_token: '${tok}'\n`, path: 'config.yml', secret, line: 2 },
    { code: `{"token": "${tok}"}`, path: 'config.json', secret },
    { code: `curl -H "Authorization: Bearer ${tok}" https://api.example.org/v1`, path: 'run.sh', secret },
  ],
});
