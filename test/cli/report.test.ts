/**
 * `tokenwarden report` end to end through the CLI harness: a repository with a leaked token, an
 * excepted finding, a token inventory and a policy on the PCI DSS pack; without a store (scan only) and
 * with the App's embedded store (history from the audit trail). No secret value in any rendering.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { seedDataDir } from '../app/helpers/data-dir.js';
import { recordEvaluation } from '../../src/audit/index.js';
import type { EvidenceReport } from '../../src/report/evidence/index.js';
import { githubToken } from '../helpers/tokens.js';
import { tamper } from '../audit/helpers.js';
import { gitIn, tempDir, tw, write } from './harness.js';

const SLOW = 120_000;
// Assembled at run time: the repository must pass its own scan.
const token = githubToken('ghp', 'evidence-cli');
const excepted = githubToken('ghp', 'evidence-cli-excepted');

const inventory = `version: 1
credentials:
  - name: NPM_TOKEN
    kind: fine-grained-pat
    owner: "@acme/release"
    scopes: [packages:write]
    rotation_days: 90
    last_rotated: 2026-01-01
    expires: 2026-12-31
  - name: SENTRY_AUTH_TOKEN
    kind: api-key
    provider: sentry
    owner: "@acme/observability"
    scopes: [project:releases]
    rotation_days: 90
    last_rotated: 2026-06-01
    expires: 2027-01-31
`;
const workflow = `name: release
on: push
permissions:
  contents: read
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
          SENTRY_AUTH_TOKEN: \${{ secrets.SENTRY_AUTH_TOKEN }}
`;

describe('tokenwarden report', () => {
  let dir: string;
  let leakFp: string;
  // Not the harness's tempRepo(): its directories go after each test, this one serves them all.
  let top: string;

  beforeAll(async () => {
    top = realpathSync(mkdtempSync(join(tmpdir(), 'tw-cli-report-')));
    dir = join(top, 'repo');
    const git = gitIn(top);
    git('init', '-q', '-b', 'main', dir);
    const repo = {
      git: gitIn(dir),
      commit: (msg: string) => (gitIn(dir)('add', '-A'), gitIn(dir)('-c', 'user.name=T', '-c', 'user.email=t@example.test', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', msg)),
    };
    repo.git('remote', 'add', 'origin', 'git@github.com:acme/payments-api.git');
    write(dir, { 'deploy/.env': `GITHUB_TOKEN=${token}\n`, 'test/fixture.env': `GH=${excepted}\n`, '.github/token-inventory.yml': inventory, '.github/workflows/release.yml': workflow });
    const scan = await tw(['scan', '--format', 'json', '--today', '2026-06-15'], { cwd: dir });
    const found = (JSON.parse(scan.stdout) as { findings: Array<{ path: string; fingerprint: string }> }).findings;
    leakFp = found.find((f) => f.path === 'deploy/.env')!.fingerprint;
    const exFp = found.find((f) => f.path === 'test/fixture.env')!.fingerprint;
    write(dir, {
      '.github/tokenwarden.yml': `extends: pci-dss\nexceptions:\n  - fingerprint: ${exFp}\n    justification: "Fixture token of the test suite, revoked (SEC-42)."\n    approved_by: "@acme/security"\n    expires: 2026-09-01\n`,
    });
    repo.commit('init');
  }, SLOW);

  it(
    'without a store: the scan now — credentials, findings, exceptions, controls; no secret',
    async () => {
      const r = await tw(['report', '--format', 'json', '--since', '2026-06-01', '--until', '2026-06-16'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const rep = JSON.parse(r.stdout) as EvidenceReport;
      expect(rep.scope).toEqual({ kind: 'repository', installation: null, repository: 'acme/payments-api' });
      expect(rep.pack.name).toBe('pci-dss');
      expect(rep.chain).toBeNull();
      expect(rep.notes[0]).toMatch(/No store was given/);
      const repo = rep.repositories[0]!;
      expect(repo.credentials!.map((c) => [c.name, c.status, c.owner, c.scopes, c.lastRotated, c.dueDate])).toEqual([
        ['NPM_TOKEN', 'overdue', '@acme/release', ['packages:write'], '2026-01-01', '2026-04-01'],
        ['SENTRY_AUTH_TOKEN', 'ok', '@acme/observability', ['project:releases'], '2026-06-01', '2026-08-30'],
      ]);
      expect(repo.findings.find((f) => f.path === 'deploy/.env')).toMatchObject({ rule: 'secrets/github-token', level: 'fail', fingerprint: leakFp, firstSeen: null, ageDays: null });
      expect(repo.exceptions).toEqual([
        expect.objectContaining({
          justification: 'Fixture token of the test suite, revoked (SEC-42).',
          approvedBy: '@acme/security',
          expires: '2026-09-01',
          status: 'active',
          daysLeft: 78,
          covers: 1,
        }),
      ]);
      expect(rep.summary.credentials).toMatchObject({ total: 2, failing: 1, byStatus: { overdue: 1, ok: 1 } });
      expect(rep.controls.find((c) => c.id === 'PCI-DSS-8.6.2')!.state).toBe('failing');
      expect(rep.controls.find((c) => c.id === 'PCI-DSS-12.5.1')!.state).not.toBe('not-evaluated');
      expect(rep.sources.scan!.policy.sources).toContain('built-in:pci-dss');
      expect(r.stdout).not.toContain(token);
      expect(r.stdout).not.toContain(excepted);
    },
    SLOW,
  );

  it(
    'writes HTML and Markdown with --output (format from the name), with the same numbers',
    async () => {
      const out = tempDir();
      const html = await tw(['report', '--output', join(out, 'evidence.html'), '--pack', 'soc2'], { cwd: dir });
      expect(html.stderr).toBe('');
      expect(html.code).toBe(0);
      expect(html.stdout).toBe(`wrote the evidence report for acme/payments-api (html, pack soc2) to ${join(out, 'evidence.html')}\n`);
      const md = await tw(['report', '--output', join(out, 'evidence.md'), '--pack', 'soc2'], { cwd: dir });
      expect(md.code).toBe(0);
      const json = JSON.parse((await tw(['report', '--format', 'json', '--pack', 'soc2'], { cwd: dir })).stdout) as EvidenceReport;
      const h = readFileSync(join(out, 'evidence.html'), 'utf8');
      const m = readFileSync(join(out, 'evidence.md'), 'utf8');
      expect(h).toMatch(/^<!DOCTYPE html>/);
      expect(h).toContain(`data-metric="summary.findings.open">${json.summary.findings.open}<`);
      expect(m).toContain(`| Open findings | ${json.summary.findings.open} |`);
      expect(m).toContain(`| Credentials | ${json.summary.credentials.total} |`);
      for (const t of [h, m]) {
        expect(t).not.toContain(token);
        expect(t).not.toContain(excepted);
        expect(t).toContain('SOC2-CC6.1');
      }
    },
    SLOW,
  );

  afterAll(() => {
    if (top) rmSync(top, { recursive: true, force: true });
  });

  describe("with the App's store", () => {
    let data: string;
    beforeAll(async () => {
      data = join(top, 'data');
      // A copy of a migrated directory: a new one would run initdb (seconds of CPU).
      const store = await openStore({ backend: 'pglite', dataDir: await seedDataDir(data) });
      try {
        for (const [i, verdict] of (['pass', 'fail', 'fail'] as const).entries()) {
          await recordEvaluation(store, {
            event: 'pull_request.synchronize',
            deliveryId: `6f1c1a60-3b5e-11ef-9a1e-00000000000${i}`,
            installation: 7,
            repository: 'acme/payments-api',
            pullRequest: 12,
            headSha: String(i).repeat(40),
            policy: { hash: 'a'.repeat(64), sources: ['built-in:default', 'built-in:pci-dss'] },
            findings:
              verdict === 'fail'
                ? [
                    {
                      fingerprint: leakFp,
                      ruleId: 'secrets/github-token',
                      family: 'secrets',
                      severity: 'critical',
                      level: 'fail',
                      path: 'deploy/.env',
                      startLine: 1,
                      redacted: 'ghp_********…(40)',
                      disposition: 'reported',
                    },
                  ]
                : [],
            verdict,
            checkRunId: 100 + i,
            issues: i === 1 ? [{ repository: 'acme/payments-api', number: 5, action: 'created', fingerprint: leakFp }] : [],
          });
        }
        await store.issues.record({ home: 'acme/payments-api', key: `fingerprint:acme/payments-api:${leakFp}`, number: 5, state: 'open', repository: 'acme/payments-api', url: null });
      } finally {
        await store.close();
      }
    }, SLOW);

    it(
      'adds the verified trail: checks, pass rate, finding age and issue, the head it was built from',
      async () => {
        const r = await tw(['report', '--format', 'json', '--data-dir', data, '--since', '2000-01-01', '--until', '2999-01-01'], { cwd: dir });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const rep = JSON.parse(r.stdout) as EvidenceReport;
        expect(rep.chain).toMatchObject({ intact: true, records: 3, head: { seq: 3 }, break: null });
        const repo = rep.repositories[0]!;
        expect(repo.checks).toMatchObject({ evaluations: 3, pass: 1, fail: 2, passRate: 33.3 });
        expect(repo.evaluations.map((e) => e.seq)).toEqual([3, 2, 1]);
        const leak = repo.findings.find((f) => f.fingerprint === leakFp)!;
        expect(leak.firstSeen).not.toBeNull();
        expect(leak.issue).toEqual({ repository: 'acme/payments-api', number: 5 });
        expect(repo.issues).toEqual([expect.objectContaining({ number: 5, state: 'open' })]);
        expect(rep.summary.checks).toMatchObject({ evaluations: 3, passRate: 33.3 });
        expect(rep.sources.store).toEqual({ backend: 'pglite' });
        // TOKENWARDEN_DATA_DIR as the App has it does the same; Markdown names the head to pin.
        const md = await tw(['report', '--format', 'md', '--since', '2000-01-01', '--until', '2999-01-01'], { cwd: dir, env: { TOKENWARDEN_DATA_DIR: data } });
        expect(md.code).toBe(0);
        expect(md.stdout).toContain(`Pin it: \`tokenwarden audit verify --pin 3:${rep.chain!.head.digest}\``);
        expect(md.stdout).toContain('| Checks in the period | 3 |');
      },
      SLOW,
    );

    // Last: it edits the trail.
    it(
      'a broken trail: the report is written, says so, and the exit code is 1',
      async () => {
        const store = await openStore({ backend: 'pglite', dataDir: data, migrate: false });
        try {
          await tamper(store, async (tx) => {
            await tx.query(`UPDATE tokenwarden.audit_record SET body = body || '{"edited": true}'::jsonb WHERE seq = 2`);
          });
        } finally {
          await store.close();
        }
        const r = await tw(['report', '--format', 'json', '--data-dir', data, '--since', '2000-01-01', '--until', '2999-01-01'], { cwd: dir });
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('the audit trail is BROKEN');
        const rep = JSON.parse(r.stdout) as EvidenceReport;
        expect(rep.chain).toMatchObject({ intact: false, break: { seq: 2, reason: 'digest' }, lastGood: { seq: 1 } });
      },
      SLOW,
    );
  });

  it(
    'refuses bad options with exit 2 and the fix',
    async () => {
      const bad = async (...argv: string[]): Promise<string> => {
        const r = await tw(['report', ...argv], { cwd: dir });
        expect(r.code).toBe(2);
        return r.stderr;
      };
      expect(await bad('--pack', 'hipaa')).toContain("--pack must be one of default, sox, pci-dss, soc2, finra, ffiec (got 'hipaa')");
      expect(await bad('--since', '2026-06-10', '--until', '2026-06-01')).toContain('--until must be after --since');
      expect(await bad('--format', 'pdf')).toContain('--format must be one of html, md, json');
      expect(await bad('--data-dir', join(dir, 'nowhere'))).toContain('no Token Warden store in');
      expect(await bad('--repo', 'not a repo')).toContain('--repo must be OWNER/NAME');
      const help = await tw(['report', '--help'], { cwd: dir });
      expect(help.stdout).toMatch(/^Usage: tokenwarden report \[PATH\]/);
    },
    SLOW,
  );
});
