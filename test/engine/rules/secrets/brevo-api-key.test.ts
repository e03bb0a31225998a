import rule from '../../../../src/engine/rules/secrets/brevo-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, ALNUM } from '../../../helpers/tokens.js';

const key = cat('xkey', 'sib-', rand(64, HEX, 'bv'), '-', rand(16, ALNUM, 'bv2'));
const smtp = cat('xsmtp', 'sib-', rand(64, HEX, 'bvs'), '-', rand(16, ALNUM, 'bvs2'));

ruleTester(rule, {
  valid: [
    `key = "${cat('xkey', 'sib-')}${rand(64, HEX, 'a')}"`, // no suffix
    `key = "${cat('xkey', 'sib-')}${'x'.repeat(64)}-${'x'.repeat(16)}"`,
    `key = "${cat('xkey', 'sib-')}${rand(64, ALNUM, 'b')}-${rand(16, ALNUM, 'c')}"`, // not hex
    'BREVO_API_KEY=${BREVO_API_KEY}',
  ],
  invalid: [
    { code: `BREVO_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `defaultClient.authentications['api-key'].apiKey = '${key}';`, secret: key },
    { code: `smtp:\n  password: "${smtp}"\n`, path: 'mail.yml', secret: smtp, line: 2 },
    { code: `curl -H "api-key: ${key}" https://api.brevo.com/v3/account`, path: 'a.sh', secret: key },
  ],
});
