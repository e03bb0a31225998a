import { describe, expect, it } from 'vitest';
import { credentialStatuses, maxRotationDaysFor, parseInventory, referencedSecrets, statusOptionsFromPolicy } from '../../../src/engine/inventory/index.js';
import { basePolicy } from '../../../src/engine/policy/builtin.js';
import { y } from '../rules/scopes/helpers.js';

const TODAY = new Date('2026-06-15T12:00:00Z');
const inv = parseInventory(
  '.github/token-inventory.yml',
  y`
    version: 1
    credentials:
      - name: OK_TOKEN
        kind: api-key
        provider: x
        owner: "@a"
        rotation_days: 90
        last_rotated: 2026-06-01
        expires: 2026-12-01
      - name: LATE_TOKEN
        kind: api-key
        provider: x
        owner: "@a"
        rotation_days: 30
        last_rotated: 2026-01-01
        expires: 2026-03-01
      - name: SOON_TOKEN
        kind: classic-pat
        owner: "@b"
        rotation_days: 365
        last_rotated: 2026-06-01
        expires: 2026-06-15
      - name: HALF
        kind: deploy-key
        expires: never
      - name: NEVER
        kind: classic-pat
        owner: "@c"
        rotation_days: 90
        last_rotated: 2026-06-01
        expires: never
  `,
);
const workflow = {
  path: '.github/workflows/ci.yml',
  text: 'on: push\njobs:\n  a:\n    steps:\n      - run: x ${{ secrets.OK_TOKEN }} ${{ secrets.late_token }} ${{ secrets.SOON_TOKEN }} ${{ secrets.NEVER }} ${{ secrets.NEW_ONE }}\n',
};

describe('credentialStatuses', () => {
  it('gives each credential its most urgent state, dates and message', () => {
    expect(inv.errors).toEqual([]);
    const s = credentialStatuses(inv.entries, { today: TODAY, referenced: referencedSecrets([workflow]) });
    expect(s.map((x) => [x.name, x.status, x.conditions, x.dueDate ?? null, x.daysLeft ?? null])).toEqual([
      ['OK_TOKEN', 'ok', [], '2026-08-30', 76],
      ['LATE_TOKEN', 'expired', ['expired', 'overdue'], '2026-01-31', -135],
      ['SOON_TOKEN', 'due-soon', ['due-soon'], '2026-06-15', 0],
      ['HALF', 'incomplete', ['incomplete', 'stale'], null, null],
      ['NEVER', 'incomplete', ['incomplete'], '2026-08-30', 76],
      ['NEW_ONE', 'undeclared', ['undeclared'], null, null],
    ]);
    const [ok, late, soon, half, never, undeclared] = s;
    expect(ok!.message).toBe('Next due 2026-08-30 (rotation, in 76 days).');
    expect(late!.message).toBe(
      'Expired 2026-03-01 (106 days ago): workflows using it fail; issue a new one and update `expires`. Rotation was due 2026-01-31 (135 days ago; every 30 days since 2026-01-01): rotate it and update `last_rotated`.',
    );
    expect(soon!.message).toBe('Expires 2026-06-15 (today): issue its successor before then. It rotates every 365 days, more than the policy maximum of 90 for classic-pat.');
    expect(half!.missing).toEqual(['owner', 'rotation_days', 'last_rotated']);
    expect(never!.problems).toEqual(['declares no expiry (`expires: never`) although a classic-pat can have one']);
    expect(undeclared).toMatchObject({ key: 'credential:NEW_ONE', references: [{ path: '.github/workflows/ci.yml', line: 5 }] });
    expect(late!.references.map((r) => r.name)).toEqual(['late_token']);
    expect(ok).toMatchObject({ key: 'credential:OK_TOKEN', owner: '@a', kind: 'api-key', provider: 'x', line: 3, rotationDue: '2026-08-30' });
  });

  it('decides neither stale nor undeclared without references, and honours the options', () => {
    const s = credentialStatuses(inv.entries, { today: TODAY, warnDays: 0, allowNeverExpires: ['classic-pat', 'deploy-key'], maxRotationDays: { 'classic-pat': 400 } });
    expect(s.map((x) => x.status)).toEqual(['ok', 'expired', 'due-soon', 'incomplete', 'ok']);
    expect(s[2]!.problems).toEqual([]);
    const exempt = credentialStatuses([], { today: TODAY, referenced: referencedSecrets([workflow]), exempt: ['*_TOKEN', 'never', 'new_*'] });
    expect(exempt).toEqual([]);
  });

  it('is `stale` only for workflow secrets nobody uses, and never while any secret may be used', () => {
    const open = referencedSecrets([{ path: '.github/workflows/x.yml', text: 'on: push\njobs:\n  c:\n    uses: o/r/.github/workflows/w.yml@v1\n    secrets: inherit\n' }]);
    expect(credentialStatuses(inv.entries, { today: TODAY, referenced: open }).filter((x) => x.conditions.includes('stale'))).toEqual([]);
    expect(
      credentialStatuses(inv.entries, { today: TODAY, referenced: open.byName })
        .filter((x) => x.conditions.includes('stale'))
        .map((x) => x.name),
    ).toEqual(['OK_TOKEN', 'LATE_TOKEN', 'SOON_TOKEN', 'HALF', 'NEVER']);
  });
});

describe('policy options', () => {
  it('come from the rules that enforce them', () => {
    const p = basePolicy();
    expect(statusOptionsFromPolicy(p)).toEqual({});
    p.rules['rotation/credential-expiring'] = { options: { warnDays: 30 } };
    p.rules['rotation/rotation-period-too-long'] = { options: { maxRotationDays: { 'classic-pat': 30, bogus: 'x' } } };
    p.rules['rotation/inventory-incomplete'] = { options: { allowNeverExpires: ['api-key'] } };
    p.rules['rotation/inventory-missing'] = { options: { exempt: ['X_*'] } };
    expect(statusOptionsFromPolicy(p)).toEqual({ warnDays: 30, maxRotationDays: { 'classic-pat': 30 }, allowNeverExpires: ['api-key'], exempt: ['X_*'] });
  });

  it('maxRotationDaysFor: kind, then an explicit default, then the built-in table', () => {
    expect(maxRotationDaysFor('classic-pat')).toBe(90);
    expect(maxRotationDaysFor('github-app')).toBe(365);
    expect(maxRotationDaysFor(undefined)).toBe(90);
    expect(maxRotationDaysFor('github-app', { default: 30 })).toBe(30);
    expect(maxRotationDaysFor('github-app', { 'github-app': 200, default: 30 })).toBe(200);
  });
});

describe('stale needs workflows', () => {
  it('is undecided when no workflow file was read', () => {
    const none = referencedSecrets([]);
    expect(credentialStatuses(inv.entries, { today: TODAY, referenced: none }).some((x) => x.conditions.includes('stale'))).toBe(false);
  });
});
