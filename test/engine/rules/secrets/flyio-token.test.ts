import rule from '../../../../src/engine/rules/secrets/flyio-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64, B64URL } from '../../../helpers/tokens.js';

const oauth = cat('fo', '1_', rand(43, B64URL, 'fly-oauth'));
const m1 = cat('fm', '2_', rand(420, B64, 'fly-m1'), '==');
const m2 = cat('fm', '2_', rand(180, B64, 'fly-m2'));
const legacy = cat('fm', '1r_', rand(300, B64, 'fly-fm1r'), '=');

ruleTester(rule, {
  valid: [
    `api_key = "${cat('fo', '1_', 'x'.repeat(43))}"`,
    'pub const MINIDUMP_SYSMEMINFO1_PERF_CCTOTALDIRTYPAGES_CCDIRTYPAGETHRESHOLD: u32 = 4u32;',
    `<input type="hidden" name="authenticity_token" value="7SWa-${cat('Fo', '1_')}${rand(80, B64URL, 'csrf')}" />`,
    `flyio_token = 'FlyV1 ${cat('fm', '2_', 'short')}'`,
    `img = "https://cdn.example.com/file/abcNfm2_${rand(150, B64URL, 'img')}.jpg"`, // inside a longer word
    'FLY_API_TOKEN=${FLY_API_TOKEN}',
  ],
  invalid: [
    { code: `Fly access token: ${oauth}\n`, path: 'notes.md', secret: oauth, count: 1 },
    { code: `FLY_API_TOKEN: FlyV1 ${m1},${m2}`, path: '.github/workflows/fly.yml', count: 2 },
    { code: `ENV FLY_API_TOKEN="FlyV1 ${legacy}"`, path: 'Dockerfile', secret: legacy },
    { code: `flyToken := "${m2}"`, path: 'main.go', secret: m2 },
  ],
});
