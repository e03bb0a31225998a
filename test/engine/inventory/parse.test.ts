import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inventorySchema, isInventoryPath, parseInventory } from '../../../src/engine/inventory/index.js';
import { y } from '../rules/scopes/helpers.js';

const INV = '.github/token-inventory.yml';

describe('parseInventory', () => {
  it('reads entries with their lines and fields', () => {
    const { entries, errors } = parseInventory(
      INV,
      y`
        version: 1
        credentials:
          - name: AWS_ACCESS_KEY_ID
            secrets: [AWS_SECRET_ACCESS_KEY]
            kind: cloud-access-key
            provider: aws
            owner: "@acme/platform"
            scopes: [s3:PutObject]
            rotation_days: 90
            last_rotated: 2026-04-01
            expires: never
            used_in: [.github/workflows/deploy.yml, environment:production]
            environment: production
            notes: Rotated by the platform runbook.
          - name: LATER
            kind:
            owner:
      `,
    );
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      name: 'AWS_ACCESS_KEY_ID',
      secretNames: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
      kind: 'cloud-access-key',
      provider: 'aws',
      owner: '@acme/platform',
      scopes: ['s3:PutObject'],
      rotationDays: 90,
      lastRotated: '2026-04-01',
      expires: 'never',
      usedIn: ['.github/workflows/deploy.yml', 'environment:production'],
      environment: 'production',
      notes: 'Rotated by the platform runbook.',
      index: 0,
      line: 3,
      invalid: [],
    });
    expect(entries[0]!.fields.expires).toEqual({ line: 11, column: 5 });
    expect(entries[1]).toMatchObject({ name: 'LATER', line: 15, invalid: [], scopes: [], usedIn: [] });
    expect(entries[1]!.kind).toBeUndefined();
  });

  it('keeps the entries of an invalid file, and marks unusable values', () => {
    const { entries, errors } = parseInventory(INV, 'credentials:\n  - name: A\n    kind: token\n    owner: alice\n    rotation_days: ninety\n  - kind: other\n');
    expect(entries.map((e) => [e.name, e.invalid])).toEqual([['A', ['kind', 'owner', 'rotation_days']]]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [3, '"token" is not allowed for `credentials[0].kind`.'],
      [4, '"alice" does not have the expected form for `credentials[0].owner`.'],
      [5, '`credentials[0].rotation_days` must be a whole number, not "ninety".'],
      [6, '`credentials[1]` is missing `name`.'],
    ]);
    expect(errors.every((e) => e.source === INV && e.fix.length > 10)).toBe(true);
  });

  it('explains syntax errors, duplicates and empty files with a fix', () => {
    expect(parseInventory(INV, 'credentials:\n  - name: A\n    name: B\n').errors[0]).toMatchObject({ line: 3, fix: 'Remove the duplicate key.' });
    expect(parseInventory(INV, '').errors[0]).toMatchObject({ line: 1, message: 'The inventory is empty.' });
    expect(parseInventory(INV, 'a: 1\n---\nb: 2\n').errors.map((e) => e.message)).toContain('The inventory holds more than one YAML document.');
  });

  it('knows where the inventory lives', () => {
    expect(isInventoryPath('.github/token-inventory.yml')).toBe(true);
    expect(isInventoryPath('.github/token-inventory.yaml')).toBe(true);
    expect(isInventoryPath('sub/.github/token-inventory.yml')).toBe(true);
    expect(isInventoryPath('examples/token-inventory.yml')).toBe(false);
  });

  it('validates the shipped example', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const text = readFileSync(`${root}examples/token-inventory.yml`, 'utf8');
    const parsed = parseInventory('.github/token-inventory.yml', text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.length).toBeGreaterThanOrEqual(5);
    expect(inventorySchema().$id).toBe('https://tokenwarden.dev/schema/token-inventory.schema.json');
  });
});
