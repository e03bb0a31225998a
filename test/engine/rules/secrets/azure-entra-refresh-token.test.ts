import rule from '../../../../src/engine/rules/secrets/azure-entra-refresh-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const token = (seed: string, head = '0'): string => cat(head, '.A', rand(60, B64URL, `${seed}-a`), '.Ag', 'AB', rand(700, B64URL, `${seed}-b`));
const t1 = token('rt-1');
const t2 = token('rt-2', '1');
const withDot = cat('1', '.A', rand(55, B64URL, 'rt-3a'), '.1', '.Ag', 'AB', rand(600, B64URL, 'rt-3b'));

ruleTester(rule, {
  valid: [
    `"refresh_token": "${cat('0', '.A', rand(60, B64URL, 'x'), '.Ag', 'AB', rand(100, B64URL, 'short'))}"`, // body too short
    `"refresh_token": "${cat('2', '.A', rand(60, B64URL, 'rt-1-a'), '.Ag', 'AB', rand(700, B64URL, 'rt-1-b'))}"`, // unknown version
    `"refresh_token": "${cat('0', '.A', rand(60, B64URL, 'rt-1-a'), '.Ag', 'XY', rand(700, B64URL, 'rt-1-b'))}"`,
    `v = "x1${t1}"`, // inside a longer token
    `"refresh_token": "${cat('0', '.A', 'a'.repeat(60), '.Ag', 'AB', 'a'.repeat(700))}"`,
    '"refresh_token": "${REFRESH_TOKEN}"',
  ],
  invalid: [
    { code: `"refresh_token": "${t1}"`, path: 'token.json', secret: t1, count: 1 },
    { code: `{\n  "tokenType": "Bearer",\n  "refreshToken": "${t2}"\n}`, path: 'msal_cache.json', secret: t2, line: 3 },
    { code: `let refresh_token = "${withDot}";`, path: 'auth.js', secret: withDot },
    { code: `body: client_id=04b07795&grant_type=refresh_token&refresh_token=${t2}&scope=openid`, path: 'cassette.yaml', secret: t2 },
  ],
});
