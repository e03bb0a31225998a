import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/credential-expiring.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { INV } from './helpers.js';

// Today is 2026-06-15 (test/helpers/rule-tester.ts).
const entry = (days: number, last: string, expires: string): string =>
  `credentials:\n  - name: CDN_KEY\n    kind: api-key\n    provider: fastly\n    owner: "@acme/web"\n    rotation_days: ${days}\n    last_rotated: ${last}\n    expires: ${expires}\n`;

ruleTester(rule, {
  valid: [
    { code: entry(90, '2026-05-01', '2026-09-01'), path: INV, name: 'due in 45 days' },
    { code: entry(90, '2026-05-01', '2026-06-30'), path: INV, name: 'expires in 15 days' },
    // overdue or expired is credential-overdue's
    { code: entry(30, '2026-05-01', '2026-06-20'), path: INV, name: 'overdue, expiring' },
    { code: entry(90, '2026-05-01', '2026-06-10'), path: INV, name: 'expired' },
    { code: entry(90, '2026-05-01', '2026-06-20'), path: INV, options: { warnDays: 3 } },
  ],
  invalid: [
    { code: entry(90, '2026-05-01', '2026-06-29'), path: INV, count: 1, line: 8, name: 'expires in 14 days' },
    { code: entry(45, '2026-05-01', '2026-09-01'), path: INV, count: 1, line: 7, name: 'rotation due today' },
    { code: entry(50, '2026-05-01', '2026-06-25'), path: INV, count: 1, line: 7, name: 'rotation before expiry: the earlier counts' },
    { code: entry(90, '2026-05-01', '2026-07-15'), path: INV, count: 1, options: { warnDays: 30 } },
  ],
});

describe('rotation/credential-expiring', () => {
  it('says when and whose it is', () => {
    const [f] = runRule(rule, { code: entry(90, '2026-05-01', '2026-06-20'), path: INV });
    expect(f!.message).toBe('Credential `CDN_KEY` (api-key, fastly) expires in 5 days (2026-06-20): issue its successor before whatever uses it starts failing. Owner: @acme/web.');
    expect(f!.severity).toBe('medium');
    const [g] = runRule(rule, { code: entry(45, '2026-05-01', '2026-09-01'), path: INV });
    expect(g!.message).toMatch(/due for rotation today \(every 45 days since 2026-05-01\)/);
  });
});
