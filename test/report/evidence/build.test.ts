/**
 * The evidence report from a store filled by the App's record functions: what the model holds for an
 * installation (checks, pass rate, open findings with their age, issues, exceptions, credentials from
 * reminders, controls), that a broken chain is stated, and that the three renderings print the same numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../../src/engine/registry.js';
import { buildEvidence, headline, renderEvidence, renderEvidenceHtml, renderEvidenceMarkdown, type EvidenceReport } from '../../../src/report/evidence/index.js';
import type { Store } from '../../../src/store/index.js';
import { tamper } from '../../audit/helpers.js';
import { DAY, END, filledStore, INSTALLATION } from './fixture.js';

const since = new Date(END.getTime() - 31 * DAY);
const until = new Date(END.getTime() + DAY);

const build = (store: Store, over: Partial<Parameters<typeof buildEvidence>[0]> = {}): Promise<EvidenceReport> =>
  buildEvidence({ since, until, pack: 'pci-dss', now: until, scope: { kind: 'installation', installation: INSTALLATION, repository: null }, store, rules: allRules, tool: '0.1.0', ...over });

describe('evidence report from the audit trail', () => {
  let store: Store;
  let report: EvidenceReport;

  beforeAll(async () => {
    store = await filledStore();
    report = await build(store);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  it('verifies the chain first and names the head it was built from', async () => {
    const head = await store.audit.head();
    expect(report.chain).toMatchObject({ intact: true, records: head.seq, head: { seq: head.seq, digest: head.digest }, break: null });
    expect(report.chain!.lastCheckpoint).not.toBeNull();
  });

  it("holds the installation's repositories only, with their checks and pass rate", () => {
    expect(report.repositories.map((r) => r.name)).toEqual(['acme/legacy', 'acme/payments-api', 'acme/web']);
    const pay = report.repositories.find((r) => r.name === 'acme/payments-api')!;
    // 30 days: day 10 and days 12, 16, 20, 24, 28 failed (PR 318), the rest passed.
    expect(pay.checks).toMatchObject({ evaluations: 30, pass: 24, fail: 6, warn: 0 });
    expect(pay.checks.passRate).toBe(80);
    const web = report.repositories.find((r) => r.name === 'acme/web')!;
    expect(web.checks).toMatchObject({ evaluations: 30, pass: 20, warn: 10, fail: 0, passRate: 100 });
    const legacy = report.repositories.find((r) => r.name === 'acme/legacy')!;
    expect(legacy.checks).toMatchObject({ evaluations: 1, fail: 1, error: 1 });
    expect(report.summary.checks).toMatchObject({ evaluations: 61, pass: 44, warn: 10, fail: 7, error: 1 });
    expect(report.summary.checks.passRate).toBe(Math.round((1000 * 54) / 61) / 10);
    expect(report.history.granularity).toBe('week');
    expect(report.history.buckets.reduce((s, b) => s + b.evaluations, 0)).toBe(61);
  });

  it('lists open findings (latest evaluation of each change) with age, issue, exceptions and credentials', () => {
    const pay = report.repositories.find((r) => r.name === 'acme/payments-api')!;
    expect(pay.findings.map((f) => [f.rule, f.level])).toEqual([['secrets/github-token', 'fail']]);
    const leak = pay.findings[0]!;
    expect(leak.redacted).toBe('ghp_********…(40)');
    expect(leak.issue).toEqual({ repository: 'acme/payments-api', number: 77 });
    // First reported on day 10 of 30; the report's end is a day after the trail's last.
    expect(leak.ageDays).toBeGreaterThanOrEqual(20);
    expect(leak.ageDays).toBeLessThanOrEqual(22);
    expect(pay.issues).toEqual([expect.objectContaining({ repository: 'acme/payments-api', number: 77, state: 'open', url: 'https://github.com/acme/payments-api/issues/77' })]);
    expect(pay.exceptions).toEqual([
      expect.objectContaining({ approvedBy: '@acme/security', expires: '2026-12-31', status: 'active', justification: expect.stringContaining('SEC-1234'), fingerprint: '00000000000000b2' }),
    ]);
    expect(pay.credentials!.map((c) => [c.name, c.status, c.owner, c.dueDate])).toEqual([
      ['NPM_PUBLISH_TOKEN', 'overdue', '@acme/release', '2026-06-20'],
      ['STRIPE_API_KEY', 'due-soon', '@acme/payments', '2026-07-05'],
    ]);
    const web = report.repositories.find((r) => r.name === 'acme/web')!;
    expect(web.findings.map((f) => [f.rule, f.level])).toEqual([['secrets/generic-password', 'warn']]);
    expect(web.credentials).toBeNull();
    expect(report.summary.findings).toMatchObject({ open: 2, blocking: 1, bySeverity: { critical: 1, medium: 1 }, byFamily: { secrets: 2, scopes: 0 } });
    expect(report.summary.credentials).toMatchObject({ total: 2, failing: 1 });
    expect(report.summary.issues).toEqual({ open: 1, closed: 0, unknown: 0 });
  });

  it("shows each of the pack's controls with its rules and their state", () => {
    const c862 = report.controls.find((c) => c.id === 'PCI-DSS-8.6.2')!;
    expect(c862.state).toBe('failing');
    expect(c862.rules[0]).toMatchObject({ id: 'secrets/github-token', state: 'failing', open: 1 });
    expect(c862.counts.rules).toBe(allRules.filter((r) => r.meta.controls.includes('PCI-DSS-8.6.2')).length);
    const c725 = report.controls.find((c) => c.id === 'PCI-DSS-7.2.5')!;
    expect(c725.state).toBe('passing');
    expect(report.summary.controls.total).toBe(report.controls.length);
    // Without a check in the period, nothing was evaluated.
    return build(store, { since: new Date('2020-01-01T00:00:00Z'), until: new Date('2020-02-01T00:00:00Z') }).then((empty) => {
      expect(empty.summary.checks.evaluations).toBe(0);
      expect(empty.controls.every((c) => c.state === 'not-evaluated')).toBe(true);
    });
  });

  it('limits a report to one period: checks outside it are not counted', async () => {
    const lastWeek = await build(store, { since: new Date(END.getTime() - 7 * DAY), until });
    expect(lastWeek.summary.checks.evaluations).toBeLessThan(20);
    expect(lastWeek.summary.checks.evaluations).toBeGreaterThan(10);
    expect(lastWeek.history.granularity).toBe('day');
  });

  it('prints the same headline numbers in HTML, Markdown and JSON; HTML is self-contained', () => {
    const html = renderEvidenceHtml(report);
    const md = renderEvidenceMarkdown(report);
    const json = JSON.parse(renderEvidence(report, 'json')) as EvidenceReport;
    expect(json.summary).toEqual(report.summary);
    for (const f of headline(report)) {
      expect(html).toContain(`data-metric="${f.path}">${f.text}<`);
      expect(md).toContain(`| ${f.label} | ${f.text} |`);
    }
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|\bsrc=|@import|url\(/i);
    expect(html).not.toMatch(/https?:\/\/(?!github\.com\/acme\/payments-api\/issues\/77|www\.w3\.org\/2000\/svg)/);
    expect((html.match(/<svg /g) ?? []).length).toBe(3);
  });

  // Last: it edits the shared store.
  it('states a broken chain prominently, and still reports', async () => {
    await tamper(store, async (tx) => {
      await tx.query(`UPDATE tokenwarden.audit_record SET body = body || '{"edited": true}'::jsonb WHERE seq = 20`);
    });
    const broken = await build(store);
    expect(broken.chain).toMatchObject({ intact: false, break: { seq: 20, reason: 'digest' } });
    expect(broken.notes[0]).toMatch(/audit trail is BROKEN at record 20/);
    expect(renderEvidenceHtml(broken)).toMatch(/class="banner broken"[^>]*><strong>AUDIT TRAIL BROKEN at record 20 \(digest\)/);
    expect(renderEvidenceMarkdown(broken)).toContain('AUDIT TRAIL BROKEN at record 20');
    expect(broken.summary.checks.evaluations).toBe(report.summary.checks.evaluations);
  });
});
