import rule from '../../../../src/engine/rules/secrets/mapbox-token.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, b64url, B64URL, LOWER_ALNUM } from '../../../helpers/tokens.js';
import { expect, it } from 'vitest';

const body = b64url({ u: 'someone', a: rand(25, LOWER_ALNUM, 'mba') });
const secret = cat('s', 'k.', body, '.', rand(22, B64URL, 'mbs'));
const pub = cat('p', 'k.', rand(60, LOWER_ALNUM, 'mbp'), '.', rand(22, LOWER_ALNUM, 'mbp2'));
const publicJwt = cat('p', 'k.', body, '.', rand(22, B64URL, 'mbpj'));

ruleTester(rule, {
  valid: [
    `const accessToken = '${publicJwt}';`, // a public token, not assigned to a Mapbox name
    `token = "${cat('s', 'k.')}${body}"`, // no signature
    `mapbox_style = "mapbox://styles/mapbox/streets-v12"`,
    'MAPBOX_TOKEN=${MAPBOX_TOKEN}',
  ],
  invalid: [
    { code: `MAPBOX_SECRET_TOKEN=${secret}`, path: '.env', secret, count: 1 },
    { code: `curl "https://api.mapbox.com/uploads/v1/me?access_token=${secret}"`, path: 'a.sh', secret },
    { code: `mapbox_api_token = "${pub}"`, path: 'c.py', secret: pub },
    { code: `mapbox:\n  token: '${secret}'\n`, path: 'c.yml', secret, line: 2 },
  ],
});

it('reports public tokens assigned to a Mapbox name at low severity only', () => {
  for (const code of [`MAPBOX_TOKEN=${pub}`, `mapboxgl.accessToken = '${publicJwt}';`]) {
    const [f] = runRule(rule, { code });
    expect([f!.severity, f!.confidence]).toEqual(['low', 'low']);
  }
});
