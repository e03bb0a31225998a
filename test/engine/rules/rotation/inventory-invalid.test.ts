import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/inventory-invalid.js';
import { Scanner } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { ruleTester, runRule, TODAY } from '../../../helpers/rule-tester.js';
import { INV, y } from './helpers.js';

const good = y`
  version: 1
  credentials:
    - name: NPM_TOKEN
      kind: api-key
      provider: npm
      owner: "@acme/release"
      scopes: [publish]
      rotation_days: 90
      last_rotated: 2026-05-01
      expires: 2026-10-01
      used_in: [.github/workflows/release.yml]
`;

ruleTester(rule, {
  valid: [
    { code: good, path: INV },
    { code: 'version: 1\ncredentials: []\n', path: INV, name: 'an empty list' },
    // what `inventory init` writes: blanks are incomplete, not invalid
    { code: 'credentials:\n  - name: X\n    kind:       # TODO\n    owner:      # TODO\n    rotation_days:\n    last_rotated:\n    expires:\n', path: INV, name: 'blanks' },
    // only .github/token-inventory.yml is the inventory
    { code: 'credentials: 3\n', path: 'examples/token-inventory.yml' },
  ],
  invalid: [
    { code: 'credentials:\n  - name: X\n   kind: api-key\n', path: INV, name: 'YAML syntax', line: 3 },
    { code: '', path: INV, name: 'empty file', count: 1, line: 1 },
    // One broken construct repeated: the first 20 errors and one that counts the rest, not 49,999 findings.
    { code: '"'.repeat(100_000), path: INV, name: 'a file of quotes', count: 21 },
    { code: 'version: 2\ntokens: []\n', path: INV, name: 'wrong version, unknown key, no credentials', count: 3 },
    { code: good.replace('kind: api-key', 'kind: pat'), path: INV, count: 1, line: 4 },
    { code: good.replace('"@acme/release"', 'acme-release'), path: INV, count: 1, line: 6 },
    { code: good.replace('2026-05-01', '2026-02-30'), path: INV, count: 1, line: 9 },
    { code: good.replace('2026-10-01', 'soon'), path: INV, count: 1, line: 10 },
    { code: good.replace('    provider: npm\n', ''), path: INV, count: 1, name: 'api-key without provider' },
    { code: good.replace('rotation_days: 90', 'rotation_day: 90'), path: INV, count: 1, line: 8 },
    { code: good.replace('2026-10-01', '2026-04-01'), path: INV, count: 1, line: 10, name: 'expiry before the last rotation' },
    { code: `${good}  - name: npm_token\n    kind: other\n`, path: INV, count: 1, line: 12, name: 'a name twice, any case' },
  ],
});

describe('rotation/inventory-invalid', () => {
  it('says what is wrong and how to fix it', () => {
    const [f] = runRule(rule, { code: good.replace('rotation_days: 90', 'rotation_day: 90'), path: INV });
    expect(f!.message).toBe('Token inventory: Unknown key `rotation_day` in `credentials[0]`.');
    expect(f!.remediation).toMatch(/Did you mean `rotation_days`\?/);
    const [g] = runRule(rule, { code: good.replace('kind: api-key', 'kind: pat'), path: INV });
    expect(g!.remediation).toMatch(/Use one of: classic-pat, fine-grained-pat/);
  });

  it('on a diff excerpt, needs the whole file and reports only added lines', () => {
    const broken = good.replace('"@acme/release"', 'acme').replace('2026-10-01', 'soon');
    const policy = basePolicy();
    policy.families.rotation = 'warn';
    const excerpt = { path: INV, text: '      owner: acme\n', lineNumbers: [6] };
    const alone = new Scanner({ policy, rules: [rule], today: TODAY });
    alone.scanFile(excerpt);
    expect(alone.result().findings).toEqual([]);
    const withRepo = new Scanner({ policy, rules: [rule], today: TODAY, repo: { read: (p) => (p === INV ? broken : undefined), paths: () => [INV] } });
    withRepo.scanFile(excerpt);
    expect(withRepo.result().findings.map((f) => [f.startLine, f.message])).toEqual([[6, 'Token inventory: "acme" does not have the expected form for `credentials[0].owner`.']]);
  });
});
