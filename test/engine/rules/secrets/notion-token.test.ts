import rule from '../../../../src/engine/rules/secrets/notion-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const token = cat('ntn', '_', rand(11, '0123456789', 'ntd'), rand(35, ALNUM, 'nts'));
const legacy = cat('sec', 'ret_', rand(43, ALNUM, 'ntl'));

ruleTester(rule, {
  valid: [
    `token = "${cat('ntn', '_')}${rand(10, '0123456789', 'a')}${rand(35, ALNUM, 'b')}"`, // 10 digits
    `token = "${cat('ntn', '_')}${rand(11, '0123456789', 'c')}${rand(36, ALNUM, 'd')}"`, // too long
    `token = "${cat('NTN', '_')}${rand(11, '0123456789', 'e')}${rand(35, ALNUM, 'f')}"`,
    `token = "x${token}"`,
    'secret_abc123',
    `${cat('sec', 'ret_')}${rand(43, 'abcdefghijklmnopqrstuvwxyz', 'g')}`, // one case, no digits
    'NOTION_TOKEN=${NOTION_TOKEN}',
  ],
  invalid: [
    { code: `NOTION_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `const notion = new Client({ auth: "${token}" });`, secret: token },
    { code: `notion token = '${legacy}'`, secret: legacy },
    { code: `notion:\n  api_key: ${legacy}\n`, path: 'config.yml', secret: legacy, line: 2 },
  ],
});
