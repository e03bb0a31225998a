import rule from '../../../../src/engine/rules/secrets/ibm-cos-hmac-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, B64, HEX } from '../../../helpers/tokens.js';

const s = rand(48, HEX, 'cos-1');
const s2 = rand(48, HEX, 'cos-2');

ruleTester(rule, {
  valid: [
    `"secret_access_key": "${s}extra"`,
    `secret_access_key=${rand(40, B64, 'aws')}`, // an AWS secret: its own rule
    `secret_access_key=${s.slice(1)}`,
    `checksum = "${s}"`, // no secret-key name
    'not_secret = notapassword',
    `secret_access_key=${'0'.repeat(48)}`,
  ],
  invalid: [
    { code: `"cos_hmac_keys": {\n  "access_key_id": "${rand(32, HEX, 'cos-id')}",\n  "secret_access_key": "${s}"\n}`, path: 'credentials.json', secret: s, line: 3, count: 1 },
    { code: `secret_access_key=${s2}`, path: '.env', secret: s2 },
    { code: `COS_HMAC_SECRET_ACCESS_KEY = "${s}"`, secret: s },
    { code: `ibm-cos_secret_key = "${s2}"`, secret: s2 },
    { code: `ibmcoshmac_secret_key = '${s}'`, secret: s },
  ],
});
