import rule from '../../../../src/engine/rules/secrets/harness-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, B64URL, HEX } from '../../../helpers/tokens.js';

const pat = ['pat', rand(22, B64URL, 'acct'), rand(24, HEX, 'tid'), rand(20, ALNUM, 'harness')].join('.');
const sat = ['sat', rand(22, ALNUM, 'acct2'), rand(24, ALNUM, 'tid2'), rand(20, ALNUM, 'harness2')].join('.');

ruleTester(rule, {
  valid: [
    `harness token = '${pat.slice(0, -3)}'`, // last segment too short
    `x-api-key: ${['pat', rand(22, ALNUM, 'a'), rand(24, HEX, 'b')].join('.')}`, // three segments
    `token = '${['pat', 'x'.repeat(22), 'x'.repeat(24), 'x'.repeat(20)].join('.')}'`,
    `compat.${rand(22, ALNUM, 'c')}.${rand(24, HEX, 'd')}.${rand(20, ALNUM, 'e')}`, // glued to a word
    'HARNESS_API_KEY=${HARNESS_API_KEY}',
  ],
  invalid: [
    { code: `curl -H "x-api-key: ${pat}" https://app.harness.io/gateway/ng/api/user/currentUser`, path: 'ci.sh', secret: pat, count: 1 },
    { code: `HARNESS_PLATFORM_API_KEY=${sat}`, path: '.env', secret: sat },
    { code: `provider "harness" {\n  platform_api_key = "${pat}"\n}`, path: 'main.tf', secret: pat, line: 2 },
    { code: `{"harnessToken": "${sat}"}`, path: 'config.json', secret: sat },
  ],
});
