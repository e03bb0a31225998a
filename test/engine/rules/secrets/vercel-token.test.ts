import rule from '../../../../src/engine/rules/secrets/vercel-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const pat = cat('vc', 'p_', rand(40, ALNUM, 'vcp'));
const app = cat('vc', 'a_', rand(56, ALNUM, 'vca'));
const ai = cat('vc', 'k_', rand(40, ALNUM, 'vck'));

ruleTester(rule, {
  valid: [
    'vcp_abc',
    `token = "${cat('vc', 'x_', rand(40, ALNUM, 'vcp'))}"`, // unknown prefix
    `token = "x${pat}"`,
    `token = "${cat('vc', 'p_', rand(61, ALNUM, 'long'))}"`,
    `token = "${cat('vc', 'p_', 'a'.repeat(40))}"`,
    'VERCEL_TOKEN=${VERCEL_TOKEN}',
  ],
  invalid: [
    { code: `VERCEL_TOKEN=${pat}`, path: '.env', secret: pat, count: 1 },
    { code: `vercel deploy --token ${app}`, path: 'deploy.sh', secret: app },
    { code: `const gateway = createGateway({ apiKey: '${ai}' });`, path: 'ai.ts', secret: ai },
    { code: `{"accessToken": "${app}", "refreshToken": "${cat('vc', 'r_', rand(40, ALNUM, 'vcr'))}"}`, path: 'auth.json', count: 2 },
  ],
});
