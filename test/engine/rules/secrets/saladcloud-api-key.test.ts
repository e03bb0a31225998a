import rule from '../../../../src/engine/rules/secrets/saladcloud-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const org = cat('salad', '_cloud_', 'org_', rand(49, ALNUM, 'salad-org'));
const user = cat('salad', '_cloud_', 'user_', rand(49, ALNUM, 'salad-user'));

ruleTester(rule, {
  valid: [
    `api_key = '${cat('salad', '_cloud_', 'org_', rand(10, ALNUM, 'short'))}'`,
    `api_key = '${cat('salad', '_cloud_', 'organization_', rand(49, ALNUM, 'kind'))}'`, // kind too long
    `api_key = '${cat('salad', '_cloud_', 'org_', 'x'.repeat(49))}'`,
    'salad_cloud_org_name = "acme"',
  ],
  invalid: [
    { code: `api_key = '${org}'`, path: 'deploy.py', secret: org, count: 1 },
    { code: `SALAD_API_KEY=${user}`, path: '.env', secret: user },
    { code: `curl -H "Salad-Api-Key: ${org}" https://api.salad.com/api/public/organizations`, secret: org },
  ],
});
