import rule from '../../../../src/engine/rules/secrets/pulumi-access-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const P = cat('pu', 'l-');
const token = P + rand(40, HEX, 'pulumi');
const alnum = P + rand(40, LOWER_ALNUM, 'pulumi-alnum');

ruleTester(rule, {
  valid: [
    `<img src="./assets/vi${P}${rand(64, HEX, 'img')}.png">`, // glued to a word, and too long
    `token = "${P}${rand(30, HEX, 'short')}"`,
    `token = "${P}${'0'.repeat(40)}"`,
    `token = "${P}${rand(40, HEX, 'pulumi').toUpperCase()}"`, // upper case: not the format
    'PULUMI_ACCESS_TOKEN=${{ secrets.PULUMI_ACCESS_TOKEN }}',
  ],
  invalid: [
    { code: `PULUMI_ACCESS_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `env:\n  PULUMI_ACCESS_TOKEN: "${alnum}"\n`, path: '.github/workflows/deploy.yml', secret: alnum, line: 2 },
    { code: `curl -H "Authorization: token ${token}" https://api.pulumi.com/api/user`, path: 'ci.sh', secret: token },
    { code: `pulumi_api_token = "${token}"`, path: 'settings.py', secret: token },
  ],
});
