import rule from '../../../../src/engine/rules/secrets/deno-deploy-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const personal = cat('dd', 'p_') + rand(36, ALNUM, 'ddp');
const org = cat('dd', 'w_') + rand(36, ALNUM, 'ddw');

ruleTester(rule, {
  valid: [
    `DENO_DEPLOY_TOKEN=${cat('dd', 'p_')}${rand(20, ALNUM, 'short')}`,
    `DENO_DEPLOY_TOKEN=${cat('dd', 'p_')}${'x'.repeat(36)}`,
    `const add${cat('dd', 'p_')}${rand(36, ALNUM, 'ddp')} = 1`, // glued to a word
    'DENO_DEPLOY_TOKEN=${{ secrets.DENO_DEPLOY_TOKEN }}',
  ],
  invalid: [
    { code: `DENO_DEPLOY_TOKEN=${personal}`, path: '.env', secret: personal, count: 1 },
    { code: `deployctl deploy --project=app --token=${org} main.ts`, path: 'deploy.sh', secret: org },
    { code: `{"denoToken": "${personal}"}`, path: 'config.json', secret: personal },
  ],
});
