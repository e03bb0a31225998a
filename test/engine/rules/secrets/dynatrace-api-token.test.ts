import rule from '../../../../src/engine/rules/secrets/dynatrace-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, UPPER_ALNUM } from '../../../helpers/tokens.js';

const token = cat('dt0', 'c01.', rand(24, UPPER_ALNUM, 'dt1'), '.', rand(64, UPPER_ALNUM, 'dt2'));

ruleTester(rule, {
  valid: [`token = "${cat('dt0', 'c01.')}${rand(24, UPPER_ALNUM, 'a')}"`, `token = "${cat('dt0', 'c01.')}${'X'.repeat(24)}.${'X'.repeat(64)}"`, 'DT_API_TOKEN=${DT_API_TOKEN}'],
  invalid: [
    { code: `DT_API_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `curl -H "Authorization: Api-Token ${token}" https://abc.live.dynatrace.com/api/v2/metrics`, path: 'a.sh', secret: token },
    { code: `dynatrace:\n  api_token: "${token}"\n`, path: 'c.yml', secret: token, line: 2 },
  ],
});
