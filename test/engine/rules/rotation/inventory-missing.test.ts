import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/inventory-missing.js';
import { Scanner } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { INV, TODAY, brief, scanRepo, y } from './helpers.js';

const WF = '.github/workflows/release.yml';
const release = y`
  on:
    push:
      tags: ["v*"]
  jobs:
    publish:
      runs-on: ubuntu-latest
      environment: production
      steps:
        - run: npm publish
          env:
            NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
            GH: \${{ secrets.GITHUB_TOKEN }}
        - run: ./notify "\${{ secrets.SLACK_WEBHOOK }}" "\${{ secrets['PAGER_KEY'] }}"
          if: \${{ secrets.SLACK_WEBHOOK != '' }}
        # secrets.IN_A_COMMENT is not a use
`;
const inventory = (...names: string[]): string => `version: 1\ncredentials:\n${names.map((n) => `  - name: ${n}\n    kind: other\n`).join('')}`;
const run = (files: Record<string, string>, options: Record<string, unknown> = {}) => scanRepo(files, { rules: [rule], options: { [rule.meta.id]: options } });

// Single files: without an inventory the rule waits for the repository to adopt one.
ruleTester(rule, {
  valid: [{ code: release, path: WF }],
  invalid: [{ code: release, path: WF, options: { requireInventory: true }, count: 3, line: 11 }],
});

describe('rotation/inventory-missing', () => {
  it('flags each undeclared secret once per file, at its first use', () => {
    const found = run({ [WF]: release, [INV]: inventory('NPM_TOKEN') });
    expect(found.map((f) => [f.startLine, f.startColumn, f.message])).toEqual([
      [
        13,
        28,
        'Secret `SLACK_WEBHOOK` is used here (and 1 more time in this file) in environment `production` but not declared in .github/token-inventory.yml: nobody has said who owns it, when it was rotated or when it expires.',
      ],
      [13, 59, 'Secret `PAGER_KEY` is used here in environment `production` but not declared in .github/token-inventory.yml: nobody has said who owns it, when it was rotated or when it expires.'],
    ]);
    expect(found[0]!.remediation).toMatch(/`- name: SLACK_WEBHOOK`.*environment: production/);
  });

  it('matches names in any case, and the extra names of an entry', () => {
    const inv = `credentials:\n  - name: npm_token\n    kind: other\n  - name: HOOKS\n    secrets: [SLACK_WEBHOOK, PAGER_KEY]\n    kind: other\n`;
    expect(run({ [WF]: release, [INV]: inv })).toEqual([]);
  });

  it('leaves exempt names alone', () => {
    expect(brief(run({ [WF]: release, [INV]: inventory('NPM_TOKEN') }, { exempt: ['slack_*'] }))).toEqual([`rotation/inventory-missing ${WF}:13`]);
  });

  it('reads .github/token-inventory.yaml too, and no inventory of another repository', () => {
    expect(run({ [WF]: release, '.github/token-inventory.yaml': inventory('NPM_TOKEN', 'SLACK_WEBHOOK', 'PAGER_KEY') })).toEqual([]);
    expect(run({ [WF]: release, 'vendor/x/.github/token-inventory.yml': inventory('NPM_TOKEN') })).toEqual([]);
  });

  it('says nothing while the inventory does not parse (inventory-invalid says why)', () => {
    expect(run({ [WF]: release, [INV]: 'credentials:\n  - name: X\n   kind: y\n' })).toEqual([]);
  });

  it("treats a reusable workflow's declared secrets as its caller's inputs, unless the caller inherits", () => {
    const callee = y`
      on:
        workflow_call:
          secrets:
            token:
              required: true
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - run: echo \${{ secrets.token }} \${{ secrets.EXTRA }}
    `;
    const caller = (how: string) => `on: push\njobs:\n  call:\n    uses: ./.github/workflows/reuse.yml\n    ${how}\n`;
    const files = (how: string) => ({ [INV]: inventory('UNRELATED'), '.github/workflows/reuse.yml': callee, '.github/workflows/main.yml': caller(how) });
    expect(brief(run(files('secrets:\n      token: ${{ secrets.DEPLOY }}')))).toEqual([
      'rotation/inventory-missing .github/workflows/main.yml:6',
      'rotation/inventory-missing .github/workflows/reuse.yml:10',
    ]);
    const inherited = run(files('secrets: inherit'));
    expect(inherited.map((f) => [f.path, f.startLine, /`(\w+)`/.exec(f.message)![1]])).toEqual([
      ['.github/workflows/reuse.yml', 10, 'token'],
      ['.github/workflows/reuse.yml', 10, 'EXTRA'],
    ]);
  });

  it('on a diff, flags only secrets on added lines, with the inventory from the repository', () => {
    const policy = basePolicy();
    policy.families.rotation = 'warn';
    const repo = { read: (p: string) => (p === INV ? inventory('NPM_TOKEN') : p === WF ? release : undefined), paths: () => [INV, WF] };
    const s = new Scanner({ policy, rules: [rule], today: TODAY, repo });
    s.scanFile({ path: WF, text: `${release.split('\n')[12]}\n`, lineNumbers: [13] });
    expect(s.result().findings.map((f) => [f.startLine, f.startColumn])).toEqual([
      [13, 28],
      [13, 59],
    ]);
    // Without the repository's inventory a diff cannot tell.
    const alone = new Scanner({ policy, rules: [rule], today: TODAY });
    alone.scanFile({ path: WF, text: '          T: ${{ secrets.NEW }}\n', lineNumbers: [20] });
    expect(alone.result().findings).toEqual([]);
  });
});
