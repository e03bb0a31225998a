import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/credential-overdue.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { INV } from './helpers.js';

// Today is 2026-06-15 (test/helpers/rule-tester.ts).
const entry = (days: number, last: string, expires: string): string =>
  `credentials:\n  - name: DEPLOY_TOKEN\n    kind: fine-grained-pat\n    owner: "@acme/ops"\n    rotation_days: ${days}\n    last_rotated: ${last}\n    expires: ${expires}\n`;

ruleTester(rule, {
  valid: [
    { code: entry(90, '2026-05-01', '2026-09-01'), path: INV },
    // due today is not overdue (that is credential-expiring)
    { code: entry(45, '2026-05-01', '2026-09-01'), path: INV },
    { code: entry(30, '2026-06-01', '2026-06-15'), path: INV, name: 'expires today' },
    { code: entry(365, '2026-01-01', 'never'), path: INV },
    // incomplete entries have no due date
    { code: 'credentials:\n  - name: X\n    kind: api-key\n    provider: p\n    expires:\n', path: INV },
  ],
  invalid: [
    { code: entry(30, '2026-05-01', '2026-09-01'), path: INV, count: 1, line: 6, name: 'rotation overdue' },
    { code: entry(90, '2026-05-01', '2026-06-14'), path: INV, count: 1, line: 7, name: 'expired yesterday' },
    { code: entry(30, '2026-01-01', '2026-03-01'), path: INV, count: 2, name: 'both' },
  ],
});

describe('rotation/credential-overdue', () => {
  it('says since when, by how much and whose it is', () => {
    const [f] = runRule(rule, { code: entry(30, '2026-05-01', '2026-09-01'), path: INV });
    expect(f!.message).toBe('Credential `DEPLOY_TOKEN` (fine-grained-pat) was due for rotation on 2026-05-31 (every 30 days since 2026-05-01; 15 days overdue). Owner: @acme/ops.');
    expect(f!.severity).toBe('high');
  });

  it('ties the fingerprint to the lapse: the next lapse is a new finding', () => {
    const a = runRule(rule, { code: entry(30, '2026-05-01', '2026-09-01'), path: INV })[0]!;
    const moved = runRule(rule, { code: `# moved down\n${entry(30, '2026-05-01', '2026-09-01')}`, path: INV })[0]!;
    const next = runRule(rule, { code: entry(30, '2026-05-10', '2026-09-01'), path: INV })[0]!;
    expect(moved.fingerprint).toBe(a.fingerprint);
    expect(next.fingerprint).not.toBe(a.fingerprint);
  });
});
