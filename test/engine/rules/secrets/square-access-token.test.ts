import rule from '../../../../src/engine/rules/secrets/square-access-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL, HEX } from '../../../helpers/tokens.js';

const token = cat('EA', 'AA', rand(60, B64URL, 'sq'));
const legacy = cat('sq0', 'atp-', rand(22, B64URL, 'sql'));

ruleTester(rule, {
  valid: [
    // A GUID that starts with EAAA (AdventureWorks' rowguid column).
    '3027,Customer,{EAAA1C2B-4D3E-4F5A-8B9C-0D1E2F3A4B5C},2014-09-12',
    `aws-cli@sha256:${cat('ea', 'aa')}${rand(60, HEX, 'a')}`, // lower case
    `token = "${cat('EA', 'AA')}${rand(10, B64URL, 'b')}"`, // too short
    `token = "${cat('EA', 'AA')}${rand(20, B64URL, 'c')}?${rand(20, B64URL, 'd')}"`, // mangled
    `blob = "MII${cat('EA', 'AA')}${rand(60, B64URL, 'e')}"`, // inside base64
    'SQUARE_ACCESS_TOKEN=${SQUARE_ACCESS_TOKEN}',
  ],
  invalid: [
    { code: `SQUARE_ACCESS_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `const client = new Client({ accessToken: "${token}" });`, secret: token },
    { code: `ARG token=${legacy}`, path: 'Dockerfile', secret: legacy },
    { code: `square:\n  access_token: '${token}'\n`, path: 'config.yml', secret: token, line: 2 },
    { code: `curl -H "Authorization: Bearer ${token}" https://connect.squareup.com/v2/locations`, path: 'a.sh', secret: token },
  ],
});
