import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/rotation-period-too-long.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { INV } from './helpers.js';

const entry = (kind: string, days: number): string =>
  `credentials:\n  - name: X\n    kind: ${kind}\n    provider: p\n    owner: "@o"\n    rotation_days: ${days}\n    last_rotated: 2026-06-01\n    expires: never\n`;

ruleTester(rule, {
  valid: [
    { code: entry('classic-pat', 90), path: INV },
    { code: entry('deploy-key', 365), path: INV },
    { code: entry('github-app', 365), path: INV },
    { code: entry('certificate', 398), path: INV },
    { code: entry('classic-pat', 180), path: INV, options: { maxRotationDays: { 'classic-pat': 180 } } },
    { code: entry('api-key', 120), path: INV, options: { maxRotationDays: 120 } },
  ],
  invalid: [
    { code: entry('classic-pat', 91), path: INV, count: 1, line: 6 },
    { code: entry('cloud-access-key', 365), path: INV, count: 1 },
    { code: entry('deploy-key', 400), path: INV, count: 1 },
    { code: entry('oauth-app', 200), path: INV, count: 1 },
    { code: entry('fine-grained-pat', 60), path: INV, count: 1, options: { maxRotationDays: { 'fine-grained-pat': 30 } } },
    // an explicit default covers every kind the options do not name
    { code: entry('github-app', 365), path: INV, count: 1, options: { maxRotationDays: { default: 180 } } },
  ],
});

describe('rotation/rotation-period-too-long', () => {
  it('says the limit and how to change it', () => {
    const [f] = runRule(rule, { code: entry('classic-pat', 180), path: INV });
    expect(f!.message).toBe('Credential `X` (classic-pat, p) rotates every 180 days; the policy allows at most 90 for classic-pat.');
    expect(f!.remediation).toMatch(/`rotation_days: 90`.*`maxRotationDays.classic-pat`/);
  });
});
