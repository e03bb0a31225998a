import rule from '../../../../src/engine/rules/secrets/helicone-api-key.js';
import { guardPlaceholders } from '../../../../src/engine/rules/secrets/lib/placeholder-guard.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
const body = (seed: string): string => [0, 1, 2, 3].map((i) => rand(7, B32, `${seed}${i}`)).join('-');
const SK = cat('sk-', 'helicone-');
const key = cat(SK, body('helicone'));
const eu = cat(SK, 'eu-', body('helicone-eu'));

ruleTester(guardPlaceholders(rule), {
  valid: [
    `"Helicone-Auth": "Bearer ${SK}<YOUR_API_KEY>"`,
    `HELICONE_API_KEY=${SK}xxxxxxx-xxxxxxx-xxxxxxx-xxxxxxx`,
    `HELICONE_API_KEY=${SK}eu-test`,
    `HELICONE_API_KEY=${cat(SK, rand(7, B32, 'a'), '-', rand(7, B32, 'b'), '-', rand(7, B32, 'c'))}`, // three groups
    `HELICONE_API_KEY=${cat(SK, rand(8, B32, 'a'), '-', rand(7, B32, 'b'), '-', rand(7, B32, 'c'), '-', rand(7, B32, 'd'))}`, // a group of 8
    `HELICONE_API_KEY=${cat(SK, body('upper').toUpperCase())}`, // upper case is not in a key
    `HELICONE_API_KEY=${SK}example-project-default-setting`, // words, no base32 digits
    `"Helicone-Auth": "Bearer ${cat('pk-', 'helicone-', body('public'))}"`, // write-only public key
    `const s = "my${key}";`, // inside a longer identifier
    'HELICONE_API_KEY=${HELICONE_API_KEY}',
  ],
  invalid: [
    { code: `HELICONE_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `defaultHeaders: { "Helicone-Auth": "Bearer ${key}" },`, path: 'src/openai.ts', secret: key },
    { code: `default_headers={"Helicone-Auth": f"Bearer ${eu}"}`, path: 'app.py', secret: eu },
  ],
});
