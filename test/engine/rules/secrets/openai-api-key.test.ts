import rule from '../../../../src/engine/rules/secrets/openai-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, B64URL } from '../../../helpers/tokens.js';

const SIG = cat('T3Blbk', 'FJ');
const legacy = cat('sk-', rand(20, ALNUM, 'oa1'), SIG, rand(20, ALNUM, 'oa2'));
const project = cat('sk-', 'proj-', rand(74, B64URL, 'oap1'), SIG, rand(74, B64URL, 'oap2'));
const svc = cat('sk-', 'svcacct-', rand(58, B64URL, 'oas1'), SIG, rand(58, B64URL, 'oas2'));
const admin = cat('sk-', 'admin-', rand(58, B64URL, 'oaa1'), SIG, rand(58, B64URL, 'oaa2'));

ruleTester(rule, {
  valid: [
    `key = "${cat('sk-', 'proj-')}${rand(20, ALNUM, 'a')}T4BlbkFJ${rand(20, ALNUM, 'b')}"`, // no signature
    `key = "${cat('sk-', 'proj-')}${rand(150, B64URL, 'c')}"`,
    `key = "${cat('sk-')}${rand(20, ALNUM, 'd')}${SIG}short"`,
    `key = "${cat('ssk-')}${rand(20, ALNUM, 'e')}${SIG}${rand(20, ALNUM, 'f')}"`, // glued
    'OPENAI_API_KEY=${OPENAI_API_KEY}',
    'openai_api_key: your_api_key',
  ],
  invalid: [
    { code: `OPENAI_API_KEY=${legacy}`, path: '.env', secret: legacy, count: 1 },
    { code: `client = OpenAI(api_key="${project}")`, path: 'a.py', secret: project },
    { code: `openai:\n  api_key: '${svc}'\n`, path: 'c.yml', secret: svc, line: 2 },
    { code: `curl https://api.openai.com/v1/organization/users -H "Authorization: Bearer ${admin}"`, path: 'a.sh', secret: admin },
    { code: `{"openai_api_key": "${project}"}`, path: 'a.json', secret: project },
  ],
});
