import rule from '../../../../src/engine/rules/secrets/github-token.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { githubToken, rand, cat, b64url, B64URL } from '../../../helpers/tokens.js';

const pat = githubToken('ghp');
const inst = githubToken('ghs', 'inst');
// The stateless installation-token format (2026): ghs_<app id>_<JWT signed by GitHub>, ~520 characters.
const jwtBody = (seed: string): string =>
  [
    b64url({ alg: 'RS256', typ: 'JWT', kid: rand(8, undefined, seed) }),
    b64url({ iss: 'github.com', aid: 1234567, iid: 89012345, exp: 1781000000, rep: [rand(12, undefined, seed + 'r')] }),
    rand(342, B64URL, seed + 's'),
  ].join('.');
const stateless = cat('ghs_', '1234567', '_', jwtBody('st'));
// Right shape, wrong checksum: the last character changed.
// Refresh tokens of expiring user tokens as GitHub issues them now: ghr_ + 76 characters.
const longRefresh = cat('ghr_', rand(76, undefined, 'refresh'));
const forged = pat.slice(0, -1) + (pat.endsWith('A') ? 'B' : 'A');

ruleTester(rule, {
  valid: [
    'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}',
    `token: ${cat('ghp_', 'x'.repeat(36))}`,
    'see https://docs.github.com/ for ghp_ tokens',
    `const re = /${cat('ghp_', '[A-Za-z0-9]{36}')}/;`,
    // GitHub's own advice for validating both installation formats: a pattern, not a token.
    `const INSTALLATION = /${cat('ghs_', '[A-Za-z0-9._]{36,}')}/;`,
    `token = "${cat('ghs_', '1234567', '_', 'not.a.jwt')}"`,
    `refresh_token = "${cat('ghr_', rand(75, undefined, 'short'))}"`, // neither 36 nor 76
    `refresh_token = "${cat('ghr_', 'A'.repeat(76))}"`,
  ],
  invalid: [
    { code: `const token = "${pat}";`, secret: pat, count: 1, line: 1 },
    { code: `const token = "${forged}";`, secret: forged, count: 1 },
    { code: `const token = "ghp_${rand(36)}";`, count: 1 },
    { code: `env:\n  GH_TOKEN: ${inst}\n`, secret: inst, line: 2, path: 'deploy.yml' },
    { name: 'stateless installation token', code: `GITHUB_TOKEN=${stateless}`, path: '.env', secret: stateless, count: 1 },
    { name: 'stateless installation token in a log line', code: `2026-05-02T10:11:12Z git clone https://x-access-token:${stateless}@github.com/acme/app`, path: 'ci.log', secret: stateless, count: 1 },
    { code: `curl -H "Authorization: token ${githubToken('gho', 'o')}" https://api.github.com/user` },
    { code: `{"refresh_token":"${githubToken('ghr', 'r')}","access_token":"${githubToken('ghu', 'u')}"}`, count: 2 },
    { name: 'refresh token of 80 characters', code: `refresh_token=${longRefresh}&refresh_token_expires_in=15897600`, secret: longRefresh, count: 1 },
  ],
});

describe('secrets/github-token checksum grading', () => {
  it('is certain when the CRC-32 verifies and low-confidence when it does not', () => {
    expect(runRule(rule, { code: `t = "${pat}"` })[0]).toMatchObject({ confidence: 'high' });
    const [f] = runRule(rule, { code: `t = "${forged}"` });
    expect(f).toMatchObject({ confidence: 'low' });
    expect(f!.message).toMatch(/checksum does not verify/);
  });
});

describe('secrets/github-token stateless installation tokens', () => {
  it('is high confidence when the JWT header decodes, medium when it does not', () => {
    expect(runRule(rule, { code: `t = "${stateless}"` })[0]).toMatchObject({ confidence: 'high' });
    const odd = cat('ghs_', '42', '_', 'eyJ', rand(40, B64URL, 'h'), '.', rand(120, B64URL, 'p'), '.', rand(300, B64URL, 'q'));
    expect(runRule(rule, { code: `t = "${odd}"` })[0]).toMatchObject({ confidence: 'medium' });
  });
});
