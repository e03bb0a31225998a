import rule from '../../../../src/engine/rules/secrets/netlify-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const t = cat('nf', 'p_', rand(36, ALNUM, 'nfp-1'));
const t2 = cat('nf', 'p_', rand(36, ALNUM, 'nfp-2'));

ruleTester(rule, {
  valid: [
    `netlify = '${cat('nf', 'p_', '?', rand(35, ALNUM, 'x'))}'`,
    `token = '${t}abc'`,
    `token = '${cat('nf', 'p_', rand(30, ALNUM, 'short'))}'`,
    `token = '${cat('nf', 'p_', 'x'.repeat(36))}'`,
    'NETLIFY_AUTH_TOKEN=${NETLIFY_AUTH_TOKEN}',
  ],
  invalid: [
    { code: `NETLIFY_AUTH_TOKEN=${t}`, path: '.env', secret: t, count: 1 },
    { code: `netlify token = '${t2}'`, secret: t2 },
    { code: `curl -H "Authorization: Bearer ${t}" https://api.netlify.com/api/v1/sites`, secret: t },
    { code: `netlify deploy --auth ${t2} --prod`, path: 'deploy.sh', secret: t2 },
  ],
});
