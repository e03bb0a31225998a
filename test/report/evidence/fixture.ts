/**
 * A store filled the way the App fills it (src/audit/records.ts), then spread over 30 days: records are
 * appended at the database's clock, so, as a month of activity would have, each record is given a time
 * on its day and the chain is sealed again (digests, links, checkpoints, head) — a trail that verifies.
 */
import { recordDigest } from '../../../src/audit/canonical.js';
import { checkpoint, recordEvaluation, recordReminder, type AuditFinding } from '../../../src/audit/index.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { dbOf, tamper } from '../../audit/helpers.js';

export const INSTALLATION = 4242;
/** The trail's last day: records run from END − 30 days to END. */
export const END = new Date('2026-06-30T18:00:00Z');
export const DAY = 86_400_000;

const fp = (n: number): string => n.toString(16).padStart(16, '0');

const leak: AuditFinding = {
  fingerprint: fp(0xa1),
  ruleId: 'secrets/github-token',
  family: 'secrets',
  severity: 'critical',
  level: 'fail',
  confidence: 'high',
  path: 'deploy/.env',
  startLine: 3,
  redacted: 'ghp_********…(40)',
  disposition: 'reported',
};
const writeAll: AuditFinding = {
  fingerprint: fp(0xb2),
  ruleId: 'scopes/workflow-write-all',
  family: 'scopes',
  severity: 'high',
  level: 'fail',
  confidence: 'high',
  path: '.github/workflows/release.yml',
  startLine: 5,
  disposition: 'excepted',
  exception: { id: fp(0xe1), approvedBy: '@acme/security', expires: '2026-12-31', source: 'acme/payments-api:.github/tokenwarden.yml' },
};
const weakPassword: AuditFinding = {
  fingerprint: fp(0xc3),
  ruleId: 'secrets/generic-password',
  family: 'secrets',
  severity: 'medium',
  level: 'warn',
  confidence: 'medium',
  path: 'config/dev.yml',
  startLine: 12,
  redacted: 'hu******…(12)',
  disposition: 'reported',
};

let delivery = 0;
const uuid = (): string => `6f1c1a60-3b5e-11ef-9a1e-${(++delivery).toString(16).padStart(12, '0')}`;
const sha = (n: number): string => n.toString(16).padStart(40, '0');

async function evaluation(
  store: Store,
  repo: string,
  opts: { pr?: number; installation?: number; verdict: 'pass' | 'warn' | 'fail'; findings?: AuditFinding[]; error?: string; issue?: number },
): Promise<void> {
  const head = sha(delivery + 1);
  await recordEvaluation(store, {
    event: opts.pr !== undefined ? 'pull_request.synchronize' : 'push',
    deliveryId: uuid(),
    installation: opts.installation ?? INSTALLATION,
    repository: repo,
    pullRequest: opts.pr ?? null,
    commit: opts.pr === undefined ? head : null,
    ref: opts.pr === undefined ? 'refs/heads/main' : null,
    headSha: head,
    policy: opts.error ? null : { hash: 'd'.repeat(64), sources: ['built-in:default', 'built-in:pci-dss', `${repo}:.github/tokenwarden.yml`] },
    findings: opts.findings ?? [],
    verdict: opts.verdict,
    conclusion: opts.verdict === 'fail' ? 'failure' : 'success',
    checkRunId: 28150110000 + delivery,
    issues: opts.issue ? [{ repository: repo, number: opts.issue, action: 'created', fingerprint: leak.fingerprint }] : [],
    ...(opts.error ? { error: opts.error } : {}),
    exceptions: (opts.findings ?? []).some((f) => f.disposition === 'excepted')
      ? [
          {
            status: 'used',
            exception: {
              fingerprint: writeAll.fingerprint,
              justification: 'Release job needs contents: write until the move to a GitHub App token (SEC-1234).',
              approvedBy: '@acme/security',
              expires: '2026-12-31',
              source: 'acme/payments-api:.github/tokenwarden.yml',
            },
            fingerprints: [writeAll.fingerprint],
          },
        ]
      : [],
  });
}

/**
 * The trail: three repositories of installation 4242 over 30 days (one with a leaked token and its issue,
 * an excepted workflow scope and rotation reminders; one with a warning; one whose policy did not load
 * once), one repository of another installation, checkpoints; then spread over the days.
 */
export async function filledStore(): Promise<Store> {
  const store = await openStore({ backend: 'pglite', dataDir: null });
  const pay = 'acme/payments-api';
  const web = 'acme/web';
  for (let d = 0; d < 30; d++) {
    // payments-api: the leak arrives on day 10 in PR 318 and stays (its PR is still open).
    if (d === 10) await evaluation(store, pay, { pr: 318, verdict: 'fail', findings: [leak, writeAll], issue: 77 });
    else if (d > 10 && d % 4 === 0) await evaluation(store, pay, { pr: 318, verdict: 'fail', findings: [leak, writeAll] });
    else await evaluation(store, pay, { verdict: 'pass', findings: d > 10 ? [writeAll] : [] });
    // web: a warning from day 20 on, on main.
    await evaluation(store, web, { verdict: d >= 20 ? 'warn' : 'pass', findings: d >= 20 ? [weakPassword] : [] });
    if (d === 5) await evaluation(store, 'acme/legacy', { verdict: 'fail', error: 'the policy did not load: .github/tokenwarden.yml:4:3: unknown key' });
    if (d === 7) await evaluation(store, 'other/elsewhere', { installation: 9999, verdict: 'fail', findings: [leak] });
    if (d % 10 === 9) await checkpoint(store);
  }
  await recordReminder(store, { installation: INSTALLATION, repository: pay, credential: 'NPM_PUBLISH_TOKEN', status: 'overdue', due: '2026-06-20', owner: '@acme/release' });
  await recordReminder(store, { installation: INSTALLATION, repository: pay, credential: 'STRIPE_API_KEY', status: 'due-soon', due: '2026-07-05', owner: '@acme/payments' });
  await checkpoint(store);
  await store.issues.record({ home: pay, key: `fingerprint:${pay}:${leak.fingerprint}`, number: 77, state: 'open', repository: pay, url: `https://github.com/${pay}/issues/77` });
  await spread(store, 30);
  return store;
}

/** Give the records times spread over `days` days ending at END, and seal the chain again. */
async function spread(store: Store, days: number): Promise<void> {
  const { rows } = await dbOf(store).query<{ seq: unknown; kind: string; body: unknown }>('SELECT seq, kind, body FROM tokenwarden.audit_record ORDER BY seq');
  const n = rows.length;
  const start = END.getTime() - days * DAY;
  await tamper(store, async (tx) => {
    let prev = '0'.repeat(64);
    let prevTime: Date | null = null;
    let cp: { seq: number; time: Date } | null = null;
    let lastCp: number | null = null;
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      const seq = Number(r.seq);
      const time = new Date(Math.floor(start + ((i + 1) * days * DAY) / (n + 1)));
      let body = (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as Record<string, unknown>;
      if (r.kind === 'checkpoint') {
        body = { head: { seq: seq - 1, digest: prev, time: prevTime!.toISOString() }, previous: lastCp };
        lastCp = seq;
        cp = { seq, time };
      }
      const digest = recordDigest({ seq, time, kind: r.kind as never, body: body as never, prev });
      await tx.query('UPDATE tokenwarden.audit_record SET time = $2::timestamptz, body = $3::jsonb, prev_digest = $4::text, digest = $5::text WHERE seq = $1::bigint', [
        seq,
        time.toISOString(),
        JSON.stringify(body),
        prev,
        digest,
      ]);
      prev = digest;
      prevTime = time;
    }
    await tx.query('UPDATE tokenwarden.audit_head SET digest = $1::text, time = $2::timestamptz, checkpoint_seq = $3::bigint, checkpoint_time = $4::timestamptz', [
      prev,
      prevTime!.toISOString(),
      cp?.seq ?? null,
      cp?.time.toISOString() ?? null,
    ]);
  });
}
