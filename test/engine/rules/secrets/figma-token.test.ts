import rule from '../../../../src/engine/rules/secrets/figma-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const token = cat('fig', 'd_', rand(40, B64URL, 'fig'));

ruleTester(rule, {
  valid: [`token = "${cat('fig', 'd_')}${rand(20, B64URL, 'a')}"`, `token = "${cat('fig', 'd_')}${'x'.repeat(40)}"`, 'FIGMA_TOKEN=${FIGMA_TOKEN}'],
  invalid: [
    { code: `FIGMA_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `curl -H "X-Figma-Token: ${token}" https://api.figma.com/v1/me`, path: 'a.sh', secret: token },
    { code: `figma:\n  token: '${token}'\n`, path: 'c.yml', secret: token, line: 2 },
  ],
});
