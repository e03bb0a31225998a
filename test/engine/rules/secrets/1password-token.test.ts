import rule from '../../../../src/engine/rules/secrets/1password-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, UPPER_ALNUM } from '../../../helpers/tokens.js';

const claims = Buffer.from(
  JSON.stringify({
    signInAddress: 'my.1password.com',
    userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: rand(22, ALNUM, 's') },
    email: `${rand(13, ALNUM, 'e')}@1passwordserviceaccounts.com`,
    srpX: rand(64, '0123456789abcdef', 'x'),
    muk: { alg: 'A256GCM', k: rand(43, ALNUM, 'k') },
    secretKey: 'A3-XXXXXX',
  }),
)
  .toString('base64')
  .replace(/=+$/, '');
const sa = cat('ops', '_', claims);
const U = (n: number, s: string): string => rand(n, UPPER_ALNUM, s);
const secretKey = cat('A3', '-', U(6, 'a'), '-', U(11, 'b'), '-', U(5, 'c'), '-', U(5, 'd'), '-', U(5, 'e'));
const secretKey2 = cat('A3', '-', U(6, 'f'), '-', U(6, 'g'), '-', U(5, 'h'), '-', U(5, 'i'), '-', U(5, 'j'), '-', U(5, 'k'));

ruleTester(rule, {
  valid: [
    `serviceAccountToken:\n  fn::secret: ${cat('ops', '_eyJzaWduSW5B')}..[Redacted]`,
    `export OP_SERVICE_ACCOUNT_TOKEN=${cat('ops', '_eyJ')}${rand(30, ALNUM, 'short')}...`,
    `${cat('ops', '_eyJ')}${'x'.repeat(260)}`,
    `${cat('A3', '-')}XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX`,
    `${cat('A3', '-')}xXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX`,
    'ops_token is secret.',
    'OP_SERVICE_ACCOUNT_TOKEN=${OP_SERVICE_ACCOUNT_TOKEN}',
  ],
  invalid: [
    { code: `export OP_SERVICE_ACCOUNT_TOKEN=${sa}`, path: 'a.sh', secret: sa, count: 1 },
    { code: `env:\n  OP_SERVICE_ACCOUNT_TOKEN: "${sa}"\n`, path: 'ci.yml', secret: sa, line: 2 },
    { code: `secret_key = "${secretKey}"`, secret: secretKey },
    { code: `1Password Secret Key: ${secretKey2}`, path: 'notes.md', secret: secretKey2 },
  ],
});
