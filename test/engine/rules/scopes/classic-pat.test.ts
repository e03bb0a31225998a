import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/classic-pat.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';

const INV = '.github/token-inventory.yml';
const inv = 'tokens:\n  - name: release-bot\n    kind: classic-pat\n    scopes: [repo, workflow]\n  - name: deploy\n    kind: fine-grained-pat\n  - name: aws\n    kind: cloud-access-key\n';

ruleTester(rule, {
  valid: [
    { code: 'tokens:\n  - name: deploy\n    kind: fine-grained-pat\n    scopes: [contents:read]\n', path: INV },
    { code: inv, path: INV, options: { requireFineGrained: false } },
    { code: inv, path: INV, options: { exempt: ['release-*'] } },
    { code: 'docs:\n  text: "a classic guide"\n', path: 'docs/nav.yml' },
  ],
  invalid: [
    { code: inv, path: INV, count: 1, line: 3 },
    { code: 'tokens:\n  - name: legacy\n    kind: pat\n    scopes: [repo]\n', path: INV, count: 1, line: 3 },
    { code: 'mirror:\n  token_type: Classic PAT\n', path: 'config/mirror.yml', count: 1, line: 2 },
  ],
});

describe('scopes/classic-pat', () => {
  it('names the broad scopes and the replacement', () => {
    const [f] = runRule(rule, { code: inv, path: INV });
    expect(f!.message).toMatch(/`release-bot` \(classic-pat\) is a classic personal access token.*`repo`, `workflow`/);
    expect(f!.remediation).toMatch(/fine-grained PAT/);
  });
});
