import rule from '../../../../src/engine/rules/secrets/bannerbear-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, HEX, cat, rand } from '../../../helpers/tokens.js';

const project = cat('bb', '_pr_', rand(30, HEX, 'bbp'));
const master = cat('bb', '_ma_', rand(30, HEX, 'bbm'));

ruleTester(rule, {
  valid: [
    `BANNERBEAR_API_KEY=${cat('bb', '_pr_', rand(30, ALNUM, 'mixed'))}`, // the body is hex
    `BANNERBEAR_API_KEY=${cat('bb', '_pr_', rand(20, HEX, 'short'))}`,
    `BANNERBEAR_API_KEY=${cat('bb', '_pr_', '0'.repeat(30))}`,
    'const bb = new Bannerbear(process.env.BANNERBEAR_API_KEY);',
  ],
  invalid: [
    { code: `const bb = new Bannerbear('${project}');`, secret: project, path: 'render.js' },
    { code: `BANNERBEAR_MASTER_KEY=${master}`, secret: master, path: '.env' },
    { code: `headers = {"Authorization": f"Bearer ${project}"}`, secret: project, path: 'banner.py' },
  ],
});
