/**
 * Limits end to end: hostile files through the real scanner with every rule, and through the
 * inventory functions the CLI and the App's sweep call directly. A file over a limit is listed as not
 * judged (reason `limit`, the limit named), the rest of the scan is kept, nothing throws, nothing hangs.
 */
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/engine/registry.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { scanFiles, type ScanResult, type SourceFile } from '../../src/engine/scan.js';
import { credentialStatuses, parseInventory, referencedSecrets } from '../../src/engine/inventory/index.js';
import { clearYamlCache } from '../../src/engine/parse/yaml.js';
import { LimitExceeded } from '../../src/engine/limits.js';
import { githubToken } from '../helpers/tokens.js';
import { aliasBomb, mergeBomb } from '../helpers/hostile-yaml.js';

const TODAY = new Date('2026-06-15T12:00:00Z');
const BOUND_MS = 2_000;
const INV = '.github/token-inventory.yml';

/** The token inventory alias bomb (about 700 bytes): `notes` would expand to 10^8 strings. */
function inventoryBomb(): string {
  return `version: 1\n${aliasBomb(8, 10)}credentials:\n  - name: DEPLOY_TOKEN\n    kind: api-key\n    notes: *l7\n`;
}

function scan(files: SourceFile[]): { r: ScanResult; ms: number } {
  clearYamlCache();
  const t = performance.now();
  const r = scanFiles(files, { policy: basePolicy(), rules: allRules, today: TODAY });
  return { r, ms: performance.now() - t };
}

describe('the scanner and parser limits', () => {
  it('lists a merge-key bomb workflow as not judged and keeps the other findings', () => {
    const token = githubToken();
    const { r, ms } = scan([
      { path: '.github/workflows/ci.yml', text: mergeBomb() },
      { path: 'config/app.env', text: `GITHUB_TOKEN_BACKUP=${token}\n` },
    ]);
    expect(ms).toBeLessThan(BOUND_MS);
    const skipped = r.skipped.filter((s) => s.path === '.github/workflows/ci.yml');
    expect(skipped).toEqual([{ path: '.github/workflows/ci.yml', reason: 'limit', detail: expect.stringMatching(/^not judged: exceeds limit alias-expansion: /) }]);
    expect(r.findings.some((f) => f.path === 'config/app.env' && f.family === 'secrets')).toBe(true);
  });

  it('keeps the secrets found in the very file that exceeds a limit', () => {
    const token = githubToken('ghp', 'bomb');
    const { r } = scan([{ path: '.github/workflows/ci.yml', text: `${mergeBomb()}# ${token}\n` }]);
    expect(r.skipped.map((s) => s.reason)).toEqual(['limit']);
    expect(r.findings.some((f) => f.family === 'secrets')).toBe(true);
  });

  it('lists a deeply nested manifest, an alias-bomb inventory and deep Terraform as not judged', () => {
    const files: SourceFile[] = [
      { path: 'k8s/rbac.yaml', text: `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nrules: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n` },
      { path: INV, text: inventoryBomb() },
      { path: '.github/workflows/deploy.yml', text: 'on: push\njobs:\n  d:\n    runs-on: x\n    steps:\n      - run: echo ${{ secrets.DEPLOY_TOKEN }}\n' },
      { path: 'infra/iam.tf', text: `resource "aws_iam_policy" "p" {\n  policy = ${'['.repeat(20_000)}${']'.repeat(20_000)}\n}\n` },
      { path: 'policy.json', text: `{"Statement": ${'['.repeat(30_000)}${']'.repeat(30_000)}, "Action": "iam:*"}` },
    ];
    const { r, ms } = scan(files);
    expect(ms).toBeLessThan(5 * BOUND_MS);
    const byPath = new Map(r.skipped.map((s) => [s.path, s]));
    expect(byPath.get('k8s/rbac.yaml')).toMatchObject({ reason: 'limit', detail: expect.stringMatching(/nesting-depth/) });
    expect(byPath.get(INV)).toMatchObject({ reason: 'limit', detail: expect.stringMatching(/alias-expansion: .*\(line \d+\)$/) });
    expect(byPath.get('infra/iam.tf')).toMatchObject({ reason: 'limit', detail: expect.stringMatching(/nesting-depth/) });
    expect(byPath.get('policy.json')).toMatchObject({ reason: 'limit', detail: expect.stringMatching(/nesting-depth/) });
    // The workflow's secret cannot be checked against an inventory that was not read.
    expect(r.skipped.find((s) => s.path === '.github/workflows/deploy.yml')).toMatchObject({ reason: 'limit', detail: expect.stringMatching(/in \.github\/token-inventory\.yml$/) });
    // One entry per file and cause, however many rules hit it.
    expect(new Set(r.skipped.map((s) => `${s.path} ${s.detail}`)).size).toBe(r.skipped.length);
  });

  it('judges ordinary files as before', () => {
    const { r } = scan([{ path: '.github/workflows/ci.yml', text: 'on: push\npermissions: write-all\njobs:\n  b:\n    runs-on: x\n    steps: [{ run: make }]\n' }]);
    expect(r.skipped).toEqual([]);
    expect(r.findings.some((f) => f.ruleId.startsWith('scopes/'))).toBe(true);
  });
});

describe('inventory functions called directly (CLI, sweep)', () => {
  it('parseInventory returns the limit, never an empty "clean" inventory, and never throws', () => {
    const text = inventoryBomb();
    expect(text.length).toBeLessThan(800);
    clearYamlCache();
    const t = performance.now();
    const inv = parseInventory(INV, text);
    expect(performance.now() - t).toBeLessThan(BOUND_MS);
    expect(inv.limit).toBeInstanceOf(LimitExceeded);
    expect(inv.limit!.limit).toBe('alias-expansion');
    expect(inv.limit!.path).toBe(INV);
    expect(inv.entries).toEqual([]);
    expect(inv.errors).toHaveLength(1);
    expect(inv.errors[0]!.message).toMatch(/^The inventory was not judged: it exceeds limit alias-expansion/);
    expect(inv.errors[0]!.fix).toMatch(/aliases/);
  });

  it('reports duplicate keys and syntax errors as before', () => {
    const inv = parseInventory(INV, 'version: 1\nversion: 2\ncredentials: []\n');
    expect(inv.limit).toBeUndefined();
    expect(inv.errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/YAML syntax error/), fix: 'Remove the duplicate key.' });
  });

  it('referencedSecrets lists a workflow over a limit as not judged, and no credential is called stale', () => {
    const refs = referencedSecrets([
      { path: '.github/workflows/bomb.yml', text: `${mergeBomb()}env: { A: "\${{ secrets.A }}" }\n` },
      { path: '.github/workflows/ok.yml', text: 'on: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: echo ${{ secrets.B }}\n' },
    ]);
    expect(refs.notJudged?.map((n) => [n.path, n.limit.limit])).toEqual([['.github/workflows/bomb.yml', 'alias-expansion']]);
    expect([...refs.byName.keys()]).toEqual(['B']);
    const inv = parseInventory(
      INV,
      'version: 1\ncredentials:\n  - name: UNUSED\n    kind: api-key\n    provider: x\n    owner: "@a"\n    rotation_days: 90\n    last_rotated: 2026-05-01\n    expires: never\n',
    );
    const [status] = credentialStatuses(inv.entries, { today: TODAY, referenced: refs });
    expect(status!.conditions).not.toContain('stale');
  });
});
