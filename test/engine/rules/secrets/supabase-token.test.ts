import rule from '../../../../src/engine/rules/secrets/supabase-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, LOWER_ALNUM, B64URL } from '../../../helpers/tokens.js';

const pat = cat('sb', 'p_', rand(40, LOWER_ALNUM, 'sbp'));
const secret = cat('sb_', 'secret_', rand(32, B64URL, 'sb-secret'));

ruleTester(rule, {
  valid: [
    `token = '${cat('sb', 'p_', rand(10, LOWER_ALNUM, 'a'))}?${rand(29, LOWER_ALNUM, 'b')}'`,
    `token = '${cat('sb', 'p_', rand(40, LOWER_ALNUM, 'sbp').toUpperCase())}'`,
    `key = '${cat('sb_', 'publishable_', rand(32, B64URL, 'pub'))}'`, // publishable keys are public
    `token = '${cat('sb', 'p_', '0'.repeat(40))}'`,
    'SUPABASE_ACCESS_TOKEN=${SUPABASE_ACCESS_TOKEN}',
  ],
  invalid: [
    { code: `SUPABASE_ACCESS_TOKEN=${pat}`, path: '.env', secret: pat, count: 1 },
    { code: `supabasetoken token = '${pat}'`, secret: pat },
    { code: `const supabase = createClient(url, "${secret}");`, path: 'server.ts', secret: secret },
    { code: `supabase:\n  service_key: ${secret}\n`, path: 'config.yml', secret, line: 2 },
  ],
});
