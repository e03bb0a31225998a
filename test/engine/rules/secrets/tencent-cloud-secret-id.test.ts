import rule from '../../../../src/engine/rules/secrets/tencent-cloud-secret-id.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const id = cat('AK', 'ID', rand(32, ALNUM, 'akid-1'));
const id2 = cat('AK', 'ID', rand(32, ALNUM, 'akid-2'));

ruleTester(rule, {
  valid: [
    `id = "${cat('AK', 'ID', rand(31, ALNUM, 'short'))}"`,
    `id = "${cat('AK', 'ID', rand(33, ALNUM, 'long'))}"`,
    `id = "${cat('ak', 'id', rand(32, ALNUM, 'akid-1'))}"`,
    `id = "${cat('AK', 'ID', 'x'.repeat(32))}"`,
    'TENCENTCLOUD_SECRET_ID=${TENCENTCLOUD_SECRET_ID}',
  ],
  invalid: [
    { code: `TENCENTCLOUD_SECRET_ID=${id}`, path: '.env', secret: id, count: 1 },
    { code: `cred = credential.Credential("${id2}", os.environ["TENCENTCLOUD_SECRET_KEY"])`, path: 'cvm.py', secret: id2 },
    { code: `tencentcloud:\n  secret_id: ${id}\n`, path: 'config.yml', secret: id, line: 2 },
  ],
});
