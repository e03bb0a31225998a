import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, tempRepo, tw, write } from './harness.js';
import { parseInventory } from '../../src/engine/inventory/index.js';

// The harness's clock says 2026-06-15.
const release = `name: release
on:
  push:
    tags: ["v*"]
permissions:
  contents: read
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: npm publish --registry https://npm.acme.example/   # private: no trusted publishing to ask for
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
          AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}
          AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
      - run: ./notify.sh
        env:
          SLACK_WEBHOOK: \${{ secrets.SLACK_WEBHOOK_URL }}
          SENTRY_AUTH_TOKEN: \${{ secrets.SENTRY_AUTH_TOKEN }}
          GH: \${{ secrets.GITHUB_TOKEN }}
`;
const docs = `name: docs
on: push
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: ./deploy-docs.sh
        env:
          DOCS_TOKEN: \${{ secrets.DOCS_DEPLOY_TOKEN }}
          CDN_KEY: \${{ secrets['CDN_PURGE_KEY'] }}
`;
const entry = (name: string, kind: string, rest: string): string => `  - name: ${name}\n    kind: ${kind}\n${rest.replace(/^/gm, '    ')}\n`;
const inventory = `version: 1
credentials:
${entry('NPM_TOKEN', 'fine-grained-pat', 'owner: "@acme/release"\nrotation_days: 90\nlast_rotated: 2026-05-01\nexpires: 2026-10-01')}${entry('SENTRY_AUTH_TOKEN', 'api-key', 'provider: sentry\nowner: "@acme/observability"\nrotation_days: 90\nlast_rotated: 2026-01-31\nexpires: 2027-01-31')}${entry('DOCS_DEPLOY_TOKEN', 'fine-grained-pat', 'owner: "@alice"\nrotation_days: 60\nlast_rotated: 2026-06-01\nexpires: 2026-06-20')}`;

/** The judged scenario: 5 secrets (+ an AWS key pair in release.yml when `aws`), 2 undeclared, 1 overdue, 1 expiring, 1 healthy. */
function scenario(aws = false): string {
  const dir = tempDir();
  write(dir, {
    '.github/workflows/release.yml': aws ? release : release.replace(/ {10}AWS_.*\n/g, ''),
    '.github/workflows/docs.yml': docs,
    '.github/token-inventory.yml': inventory,
  });
  return dir;
}

describe('tokenwarden inventory check', () => {
  it('prints the credentials table, most urgent first, and fails on overdue or undeclared', async () => {
    const dir = scenario();
    const r = await tw(['inventory', 'check'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Token inventory .github/token-inventory.yml: 5 credentials as of 2026-06-15 (due-soon window 14 days; 2 workflows checked)');
    expect(lines[2]).toMatch(/^STATUS\s+NAME\s+KIND\s+OWNER\s+LAST ROTATED\s+EVERY\s+EXPIRES\s+DUE\s+DAYS\s+LINE$/);
    expect(lines.slice(3, 8).map((l) => l.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['overdue', 'SENTRY_AUTH_TOKEN'],
      ['undeclared', 'CDN_PURGE_KEY'],
      ['undeclared', 'SLACK_WEBHOOK_URL'],
      ['due-soon', 'DOCS_DEPLOY_TOKEN'],
      ['ok', 'NPM_TOKEN'],
    ]);
    expect(lines[3]).toMatch(/^overdue\s+SENTRY_AUTH_TOKEN\s+api-key \(sentry\)\s+@acme\/observability\s+2026-01-31\s+90\s+2027-01-31\s+2026-05-01\s+-45\s+9$/);
    expect(r.stdout).toContain('undeclared  CDN_PURGE_KEY (.github/workflows/docs.yml:12): Used in .github/workflows/docs.yml but not in the token inventory');
    expect(r.stdout).toContain('due-soon    DOCS_DEPLOY_TOKEN (.github/token-inventory.yml:16): Expires 2026-06-20 (in 5 days): issue its successor before then. Owner: @alice.');
    expect(r.stdout).toContain('Credentials: 5 (overdue 1, undeclared 2, due-soon 1, ok 1)');
    expect(r.stdout).toMatch(/^FAIL: 3 credentials overdue, expired or undeclared$/m);
  });

  it('writes JSON for machines, with the same statuses', async () => {
    const dir = scenario();
    const r = await tw(['inventory', 'check', dir, '--format', 'json'], { cwd: tempDir() });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      version: 1,
      inventory: '.github/token-inventory.yml',
      today: '2026-06-15',
      warnDays: 14,
      verdict: 'fail',
      summary: { overdue: 1, undeclared: 2, 'due-soon': 1, ok: 1 },
      errors: [],
    });
    expect(report.credentials.map((c: { name: string; status: string; daysLeft?: number }) => [c.name, c.status, c.daysLeft ?? null])).toEqual([
      ['SENTRY_AUTH_TOKEN', 'overdue', -45],
      ['CDN_PURGE_KEY', 'undeclared', null],
      ['SLACK_WEBHOOK_URL', 'undeclared', null],
      ['DOCS_DEPLOY_TOKEN', 'due-soon', 5],
      ['NPM_TOKEN', 'ok', 45],
    ]);
  });

  it('judges as of --today, and passes when nothing is overdue, expired or undeclared', async () => {
    const dir = tempDir();
    write(dir, { '.github/workflows/docs.yml': docs.replace(/ {10}CDN_KEY.*\n/, ''), '.github/token-inventory.yml': inventory });
    const before = await tw(['inventory', 'check', '--today', '2026-04-20'], { cwd: dir });
    // Due soon, incomplete (rotated "in the future") and stale entries are reported, not failing.
    expect(before.stdout).toMatch(/^due-soon\s+SENTRY_AUTH_TOKEN .* 11\s+9$/m);
    expect(before.stdout).toMatch(/^incomplete\s+NPM_TOKEN \(\.github\/token-inventory\.yml:3\): Missing: last_rotated \(in the future\)\. No workflow uses it/m);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/^PASS: no credential overdue, expired or undeclared$/m);
    const later = await tw(['inventory', 'check', '--today', '2026-06-25'], { cwd: dir });
    expect(later.code).toBe(1);
    expect(later.stdout).toMatch(/^expired\s+DOCS_DEPLOY_TOKEN/m);
  });

  it('takes the due-soon window and exemptions from the policy', async () => {
    const dir = scenario();
    write(dir, { '.github/tokenwarden.yml': 'rules:\n  rotation/credential-expiring:\n    options: { warnDays: 3 }\n  rotation/inventory-missing:\n    options: { exempt: ["CDN_*", "SLACK_*"] }\n' });
    const r = await tw(['inventory', 'check', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout);
    expect(report.warnDays).toBe(3);
    expect(report.summary).toEqual({ overdue: 1, ok: 2 });
  });

  it('lists inventory errors with line and fix, and fails', async () => {
    const dir = scenario();
    write(dir, { '.github/token-inventory.yml': inventory.replace('"@alice"', 'alice').replace('rotation_days: 60', 'rotation_day: 60') });
    const r = await tw(['inventory', 'check'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('.github/token-inventory.yml:19:5: error: Unknown key `rotation_day` in `credentials[2]`.\n  fix: Did you mean `rotation_days`?');
    expect(r.stdout).toContain('.github/token-inventory.yml:18:12: error: "alice" does not have the expected form for `credentials[2].owner`.');
    expect(r.stdout).toMatch(/FAIL: 3 credentials overdue, expired or undeclared; 2 errors in the inventory/);
  });

  it('is a configuration error without an inventory or with bad options', async () => {
    const dir = tempDir();
    write(dir, { '.github/workflows/docs.yml': docs });
    const r = await tw(['inventory', 'check'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no token inventory in \. \(\.github\/token-inventory\.yml\)\n {2}fix: run 'tokenwarden inventory init'/);
    expect((await tw(['inventory', 'check', '--format', 'sarif'], { cwd: dir })).code).toBe(2);
    expect((await tw(['inventory', 'check', '--today', '15/06/2026'], { cwd: dir })).stderr).toMatch(/--today must be YYYY-MM-DD/);
    expect((await tw(['inventory', 'frobnicate'], { cwd: dir })).stderr).toMatch(/unknown inventory subcommand 'frobnicate'/);
    expect((await tw(['inventory'], { cwd: dir })).code).toBe(2);
  });
});

describe('tokenwarden inventory init', () => {
  it('drafts one entry per credential from the workflows, with TODOs, and the draft is valid', async () => {
    const dir = scenario(true);
    write(dir, { '.github/token-inventory.yml': '' });
    const refused = await tw(['inventory', 'init'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/\.github\/token-inventory\.yml already exists; nothing was written\n {2}fix: .*--force/);
    expect(readFileSync(join(dir, '.github/token-inventory.yml'), 'utf8')).toBe('');

    const r = await tw(['inventory', 'init', '--force'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "wrote .github/token-inventory.yml: 6 credentials from 2 workflows\nnext: fill in every TODO (owner, scopes, rotation_days, last_rotated, expires), then run 'tokenwarden inventory check'\n",
    );
    const text = readFileSync(join(dir, '.github/token-inventory.yml'), 'utf8');
    expect(text).toMatch(/^# .*\n/);
    expect(text).toContain('drafted by `tokenwarden inventory init` on 2026-06-15');
    expect(text).toContain(
      [
        '  - name: AWS_ACCESS_KEY_ID',
        '    secrets: [AWS_SECRET_ACCESS_KEY]',
        '    kind: cloud-access-key   # guessed from the name (an AWS access key: consider OIDC federation instead): check',
        '    provider: aws',
        '    owner:            # TODO: "@user" or "@org/team" who rotates it (quoted)',
        '    scopes: []        # TODO: what it may do, e.g. [contents:read]',
        '    rotation_days:    # TODO: at most 90 for cloud-access-key by default',
        '    last_rotated:     # TODO: YYYY-MM-DD the current credential was issued',
        '    expires:          # TODO: YYYY-MM-DD, or never if the issuer cannot set one',
        '    used_in: [".github/workflows/release.yml"]',
        '    environment: "production"',
      ].join('\n'),
    );
    expect(text).toContain('  - name: NPM_TOKEN\n    kind: api-key   # guessed from the name: check\n    provider: npm\n');
    expect(text).toContain('  - name: CDN_PURGE_KEY\n    kind:             # TODO:');
    expect(text).not.toContain('GITHUB_TOKEN');
    const parsed = parseInventory('.github/token-inventory.yml', text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.name)).toEqual(['AWS_ACCESS_KEY_ID', 'CDN_PURGE_KEY', 'DOCS_DEPLOY_TOKEN', 'NPM_TOKEN', 'SENTRY_AUTH_TOKEN', 'SLACK_WEBHOOK_URL']);

    // Until a person fills it in, every credential is incomplete — nothing undeclared.
    const check = await tw(['inventory', 'check', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(check.stdout).summary).toEqual({ incomplete: 6 });
    expect(check.code).toBe(0);
  });

  it('writes into a repository from a sub-directory, and an empty list without workflows', async () => {
    const repo = tempRepo();
    write(repo.dir, { 'src/a.ts': 'export {};\n' });
    const r = await tw(['inventory', 'init'], { cwd: join(repo.dir, 'src') });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('wrote ../.github/token-inventory.yml: 0 credentials from 0 workflows\n');
    const text = readFileSync(join(repo.dir, '.github/token-inventory.yml'), 'utf8');
    expect(parseInventory('.github/token-inventory.yml', text)).toMatchObject({ entries: [], errors: [] });
  });
});

describe('tokenwarden scan with an inventory', () => {
  it('reports the scenario: two undeclared, one overdue, one expiring', async () => {
    const dir = scenario();
    const r = await tw(['scan', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(r.stdout).findings as Array<{ ruleId: string; path: string; startLine: number }>;
    expect(findings.filter((f) => f.ruleId.startsWith('rotation/')).map((f) => `${f.ruleId} ${f.path}:${f.startLine}`)).toEqual([
      'rotation/credential-overdue .github/token-inventory.yml:14',
      'rotation/credential-expiring .github/token-inventory.yml:21',
      'rotation/inventory-missing .github/workflows/docs.yml:12',
      'rotation/inventory-missing .github/workflows/release.yml:20',
    ]);
    expect(r.code).toBe(1);
  });

  it('help lists the command', async () => {
    expect((await tw(['--help'], { cwd: tempDir() })).stdout).toContain('tokenwarden inventory init|check [PATH]');
    const h = await tw(['inventory', '--help'], { cwd: tempDir() });
    expect(h.stdout).toContain('tokenwarden inventory check [PATH] [--format text|json]');
  });
});
