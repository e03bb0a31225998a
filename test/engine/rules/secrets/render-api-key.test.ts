import rule from '../../../../src/engine/rules/secrets/render-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, LOWER_ALNUM } from '../../../helpers/tokens.js';

const k = cat('rn', 'd_', rand(28, ALNUM, 'render-1'));
const k2 = cat('rn', 'd_', rand(32, ALNUM, 'render-2'));

ruleTester(rule, {
  valid: [
    'const rnd_generateRandomValuesFor = 1;', // an identifier
    `seed = rnd_${rand(28, LOWER_ALNUM, 'lower')}`, // one case: not a key
    `key = "${cat('rn', 'd_', rand(12, ALNUM, 'short'))}"`,
    `key = "${cat('rn', 'd_', 'KqQT3B', 'x'.repeat(30))}"`,
    'RENDER_API_KEY=${RENDER_API_KEY}',
  ],
  invalid: [
    { code: `RENDER_API_KEY = "${k}"`, path: 'deploy_render.py', secret: k, count: 1 },
    { code: `$env:RENDER_API_KEY = "${k2}"`, path: 'setup.ps1', secret: k2 },
    { code: `curl -H "Authorization: Bearer ${k}" https://api.render.com/v1/services`, secret: k },
    { code: `render:\n  api_key: ${k2}\n`, path: 'config.yml', secret: k2, line: 2 },
  ],
});
