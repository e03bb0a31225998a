import rule from '../../../../src/engine/rules/secrets/age-secret-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat } from '../../../helpers/tokens.js';

const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';
const P = cat('AGE-SECRET', '-KEY-1');
const key = P + rand(58, BECH32, 'age');

ruleTester(rule, {
  valid: [
    `${P}${'X'.repeat(58)}`,
    `${P}${rand(40, BECH32, 'short')}`,
    `${P}${rand(57, BECH32, 'b')}B`, // B is not bech32
    `# public key: age1${rand(58, BECH32.toLowerCase(), 'pub')}`, // recipients are public
    'SOPS_AGE_KEY=${SOPS_AGE_KEY}',
  ],
  invalid: [
    { code: `# created: 2024-01-01T00:00:00Z\n${key}\n`, path: 'keys.txt', secret: key, line: 2, count: 1 },
    { code: `SOPS_AGE_KEY=${key}`, path: '.env', secret: key },
    { code: `env:\n  SOPS_AGE_KEY: "${key}"\n`, path: 'ci.yml', secret: key, line: 2 },
    { code: `ageToken="${P}${'Q'.repeat(58)}"`, name: 'the all-zero key peers test with' },
  ],
});
