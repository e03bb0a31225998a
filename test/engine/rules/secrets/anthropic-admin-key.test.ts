import rule from '../../../../src/engine/rules/secrets/anthropic-admin-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const key = cat('sk-ant-', 'admin01-', rand(93, B64URL, 'aa'), 'AA');

ruleTester(rule, {
  valid: [
    `key = "${cat('sk-ant-', 'admin01-')}${rand(93, B64URL, 'a')}BB"`,
    `key = "${cat('sk-ant-', 'admin01-')}${rand(30, B64URL, 'b')}AA"`,
    `key = "${cat('sk-ant-', 'api03-')}${rand(93, B64URL, 'c')}AA"`, // a regular key
    'ANTHROPIC_ADMIN_KEY=${ANTHROPIC_ADMIN_KEY}',
  ],
  invalid: [
    { code: `ANTHROPIC_ADMIN_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `curl https://api.anthropic.com/v1/organizations/users -H "x-api-key: ${key}"`, path: 'a.sh', secret: key },
    { code: `admin:\n  key: "${key}"\n`, path: 'c.yml', secret: key, line: 2 },
  ],
});
