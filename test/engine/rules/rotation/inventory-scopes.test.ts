/**
 * Declared scopes the scopes policy forbids are judged by `scopes/token-scopes` on the inventory (one
 * rule, one finding — no rotation copy): this pins that the inventory's schema and that rule agree.
 */
import { describe, expect, it } from 'vitest';
import tokenScopes from '../../../../src/engine/rules/scopes/token-scopes.js';
import classicPat from '../../../../src/engine/rules/scopes/classic-pat.js';
import { parseInventory } from '../../../../src/engine/inventory/index.js';
import { runRule } from '../../../helpers/rule-tester.js';
import { INV, y } from './helpers.js';

const inventory = y`
  version: 1
  credentials:
    - name: ORG_ADMIN_TOKEN
      kind: classic-pat
      owner: "@acme/platform"
      scopes: [repo, admin:org, delete_repo]
      rotation_days: 30
      last_rotated: 2026-06-01
      expires: 2026-07-01
    - name: RELEASE_TOKEN
      kind: fine-grained-pat
      owner: "@acme/release"
      scopes: [contents:write, packages:write]
      rotation_days: 90
      last_rotated: 2026-06-01
      expires: 2026-08-01
`;

describe('inventory scopes through scopes/token-scopes', () => {
  it('is a valid inventory', () => {
    expect(parseInventory(INV, inventory).errors).toEqual([]);
  });

  it('flags forbidden scopes of the inventory with their lines', () => {
    expect(runRule(tokenScopes, { code: inventory, path: INV }).map((f) => [f.startLine, f.severity, f.message])).toEqual([
      [6, 'critical', 'Token `ORG_ADMIN_TOKEN` (classic-pat) has `admin:org` (administer the organisation (members, teams, settings)), a scope the policy forbids.'],
      [6, 'high', 'Token `ORG_ADMIN_TOKEN` (classic-pat) has `delete_repo` (delete repositories), a scope the policy forbids.'],
    ]);
  });

  it('honours per-kind allow-lists and the classic-PAT policy', () => {
    const found = runRule(tokenScopes, { code: inventory, path: INV, options: { allowed: { 'fine-grained-pat': ['contents:read'] } } });
    expect(found.map((f) => f.startLine)).toEqual([6, 6, 13, 13]);
    expect(runRule(classicPat, { code: inventory, path: INV }).map((f) => f.startLine)).toEqual([4]);
  });
});
