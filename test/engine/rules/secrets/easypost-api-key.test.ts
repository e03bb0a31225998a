import rule from '../../../../src/engine/rules/secrets/easypost-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const prod = cat('EZ', 'AK', rand(54, ALNUM, 'eza'));
const test = cat('EZ', 'TK', rand(54, ALNUM, 'ezt'));

ruleTester(rule, {
  valid: [
    `...6wqX6fNUXA/rYqRvfQ+${cat('EZ', 'AK')}${rand(54, ALNUM, 'a')}/3VmWq/edti6...`, // inside base64
    `key = "${cat('EZ', 'AK')}${rand(30, ALNUM, 'b')}"`,
    'EASYPOST_API_KEY=${EASYPOST_API_KEY}',
  ],
  invalid: [
    { code: `EASYPOST_API_KEY=${prod}`, path: '.env', secret: prod, count: 1 },
    { code: `client = easypost.EasyPostClient("${test}")`, path: 'a.py', secret: test },
    { code: `https://example.com?t=${test}&q=1`, secret: test },
  ],
});
