import rule from '../../../../src/engine/rules/secrets/scalingo-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const t = cat('tk-', 'us-', rand(48, B64URL, 'scalingo-1'));
const t2 = cat('tk-', 'us-', rand(48, B64URL, 'scalingo-2'));

ruleTester(rule, {
  valid: [
    `token = "${cat('tk-', 'us-', rand(40, B64URL, 'short'))}"`,
    `token = "${t}x"`,
    `token = "${cat('tk-', 'eu-', rand(48, B64URL, 'scalingo-1'))}"`,
    `token = "${cat('tk-', 'us-', '-'.repeat(48))}"`,
    'SCALINGO_API_TOKEN=${SCALINGO_API_TOKEN}',
  ],
  invalid: [
    { code: `scalingo_api_token = "${t}"`, path: 'config.tf', secret: t, count: 1 },
    { code: `SCALINGO_API_TOKEN=${t2}`, path: '.env', secret: t2 },
    { code: `scalingo login --api-token ${t}`, path: 'deploy.sh', secret: t },
  ],
});
