import rule from '../../../../src/engine/rules/secrets/github-token.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { githubToken, rand, cat } from '../../../helpers/tokens.js';

const pat = githubToken('ghp');
const inst = githubToken('ghs', 'inst');
// Right shape, wrong checksum: the last character changed.
const forged = pat.slice(0, -1) + (pat.endsWith('A') ? 'B' : 'A');

ruleTester(rule, {
  valid: [
    'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}',
    `token: ${cat('ghp_', 'x'.repeat(36))}`,
    'see https://docs.github.com/ for ghp_ tokens',
    `const re = /${cat('ghp_', '[A-Za-z0-9]{36}')}/;`,
  ],
  invalid: [
    { code: `const token = "${pat}";`, secret: pat, count: 1, line: 1 },
    { code: `const token = "${forged}";`, secret: forged, count: 1 },
    { code: `const token = "ghp_${rand(36)}";`, count: 1 },
    { code: `env:\n  GH_TOKEN: ${inst}\n`, secret: inst, line: 2, path: 'deploy.yml' },
    { code: `curl -H "Authorization: token ${githubToken('gho', 'o')}" https://api.github.com/user` },
    { code: `{"refresh_token":"${githubToken('ghr', 'r')}","access_token":"${githubToken('ghu', 'u')}"}`, count: 2 },
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
