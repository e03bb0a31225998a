/**
 * The records the App writes, from a real scan: what they hold, and never a secret value — not in the
 * findings, not in a file name, not in free text (a justification, an error, a ref), not anywhere in
 * the stored rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initEngine } from '../../src/engine/init.js';
import { scanFiles } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { allRules } from '../../src/engine/registry.js';
import { mergeResults } from '../../src/engine/structural.js';
import { fileNameFindings } from '../../src/report/scrub.js';
import type { Finding } from '../../src/engine/finding.js';
import { openStore, type Store } from '../../src/store/index.js';
import {
  exportRecords,
  fromScanResult,
  recordEvaluation,
  recordException,
  recordPolicyChange,
  recordReminder,
  recordRevocation,
  ruleSetVersion,
  verifyChain,
  type AuditFinding,
} from '../../src/audit/index.js';
import { githubToken, npmToken } from '../helpers/tokens.js';
import { rawRows } from './helpers.js';

const TODAY = new Date('2026-06-15T12:00:00Z');

describe('audit records', () => {
  let store: Store;
  // Assembled at run time (test/helpers/tokens.ts): real-looking, checksums valid.
  const token = githubToken('ghp', 'audit-record');
  const second = githubToken('ghp', 'audit-excepted');
  const inName = npmToken('audit-file-name');
  const secrets = [token, second, inName];

  beforeAll(async () => {
    await initEngine();
    store = await openStore({ backend: 'pglite', dataDir: null });
  }, 60_000);

  afterAll(async () => {
    await store?.close();
  });

  it('an evaluation of a real scan stores fingerprints, rules, severities and dispositions — and no secret anywhere', async () => {
    const files = [
      { path: 'deploy/.env', text: `GITHUB_TOKEN=${token}\nOTHER=1\n` },
      { path: 'scripts/ci.sh', text: `export GH_TOKEN=${second}\n` },
    ];
    const policy = basePolicy();
    policy.hash = 'e'.repeat(64);
    policy.sources = ['built-in', 'acme/.github:.github/tokenwarden.yml', 'acme/api:.github/tokenwarden.yml'];
    const firstPass = scanFiles(files, { policy, rules: allRules, today: TODAY });
    const toExcept = firstPass.findings.find((f) => f.path === 'scripts/ci.sh')!;
    expect(toExcept).toBeDefined();
    policy.exceptions = [
      // A justification that (carelessly) quotes the token: scrubbed before it is stored.
      { fingerprint: toExcept.fingerprint, justification: `CI fixture, revoked: ${second}`, approvedBy: '@acme/security', expires: '2026-12-31', source: 'acme/api:.github/tokenwarden.yml' },
    ];
    let result = scanFiles(files, { policy, rules: allRules, today: TODAY });
    // A token in a file name, found as the App finds it.
    const named = `keys/${inName}.txt`;
    result = mergeResults(result, fileNameFindings([named], { policy, rules: allRules, today: TODAY }));
    expect(result.findings.length).toBeGreaterThanOrEqual(2);
    expect(result.excepted).toHaveLength(1);
    // The engine's findings do hold the secret (excerpts, a path): the trail must not.
    expect(JSON.stringify(result)).toContain(inName);

    const scan = fromScanResult(result);
    const rec = await recordEvaluation(store, {
      event: 'pull_request.synchronize',
      deliveryId: '6f1c1a60-3b5e-11ef-9a1e-2b1f3c4d5e6f',
      installation: 42,
      repository: 'acme/api',
      pullRequest: 7,
      ref: `refs/heads/leak-${token}`,
      headSha: '1'.repeat(40),
      baseSha: '2'.repeat(40),
      policy,
      ...scan,
      verdict: 'fail',
      conclusion: 'failure',
      checkRunId: 555,
      issues: [{ repository: 'acme/api', number: 31, action: 'created', fingerprint: result.findings[0]!.fingerprint }],
      error: `GitHub said: bad credentials ${token}`,
    });
    expect(rec.status).toBe('appended');
    expect(rec.exceptions).toHaveLength(1);

    const body = rec.evaluation.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(body).toMatchObject({
      event: 'pull_request.synchronize',
      delivery: '6f1c1a60-3b5e-11ef-9a1e-2b1f3c4d5e6f',
      installation: 42,
      repository: 'acme/api',
      pullRequest: 7,
      headSha: '1'.repeat(40),
      policy: { digest: 'e'.repeat(64), sources: policy.sources },
      ruleSet: ruleSetVersion(),
      verdict: 'fail',
      checkRun: 555,
      issues: [{ repository: 'acme/api', number: 31, action: 'created' }],
      counts: { reported: result.findings.length, excepted: 1, suppressed: 0, baselined: 0 },
    });
    for (const f of result.findings) {
      expect(body.findings).toContainEqual(expect.objectContaining({ fingerprint: f.fingerprint, rule: f.ruleId, severity: f.severity, disposition: 'reported' }));
    }
    const exc = body.findings.find((f: any) => f.disposition === 'excepted'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(exc).toMatchObject({ fingerprint: toExcept.fingerprint, exception: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(body.exceptions).toEqual([expect.objectContaining({ id: exc.exception, approvedBy: '@acme/security', expires: '2026-12-31' })]);
    // No excerpt, no message, no remediation, no secret hash: field by field.
    for (const f of body.findings) expect(Object.keys(f).sort()).toEqual(expect.arrayContaining(['disposition', 'fingerprint', 'rule', 'severity']));
    for (const f of body.findings) for (const k of ['excerpt', 'message', 'remediation', 'secretHash']) expect(f).not.toHaveProperty(k);
    // The file name and the free texts are there, redacted.
    expect(body.findings.map((f: any) => f.path)).toContain(`keys/${inName.slice(0, 4)}********…(${inName.length}).txt`); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(body.ref).toMatch(/^refs\/heads\/leak-ghp_\*+…\(40\)$/);
    expect(body.error).toMatch(/bad credentials ghp_\*+…\(40\)/);
    expect(rec.exceptions[0]!.body).toMatchObject({
      status: 'used',
      fingerprints: [toExcept.fingerprint],
      exception: { approvedBy: '@acme/security', justification: expect.stringMatching(/^CI fixture, revoked: ghp_\*+/) },
    });

    // Nowhere in the stored rows, nor in an export.
    const rows = await rawRows(store);
    expect(rows).toContain(toExcept.fingerprint);
    for (const s of secrets) expect(rows).not.toContain(s);
    let exported = '';
    for await (const l of exportRecords(store, { format: 'jsonl' })) exported += `${l}\n`;
    for await (const l of exportRecords(store, { format: 'csv' })) exported += `${l}\n`;
    for (const s of secrets) expect(exported).not.toContain(s);
    expect(await verifyChain(store)).toMatchObject({ ok: true });
  });

  it('the other kinds: exception expired, policy change, reminder, revocation — scrubbed the same way', async () => {
    const head = (await store.audit.head()).seq;
    await recordException(store, {
      status: 'expired',
      exception: { rule: 'secrets/generic-password', path: 'test/**', justification: 'fixtures', approvedBy: '@alice', expires: '2026-06-01' },
      installation: 42,
      repository: 'acme/api',
      fingerprints: ['0123456789abcdef'],
    });
    await recordPolicyChange(store, {
      installation: 42,
      repository: 'acme/api',
      ref: 'refs/heads/main',
      commit: '3'.repeat(40),
      deliveryId: '7f1c1a60-3b5e-11ef-9a1e-2b1f3c4d5e6f',
      before: { hash: 'a'.repeat(64), sources: ['built-in'] },
      after: { hash: 'b'.repeat(64), sources: ['built-in', 'acme/api:.github/tokenwarden.yml'] },
      files: ['.github/tokenwarden.yml'],
      actor: 'alice',
    });
    await recordReminder(store, {
      installation: 42,
      repository: 'acme/api',
      credential: 'NPM_TOKEN',
      status: 'overdue',
      due: '2026-06-01',
      owner: '@acme/release',
      issue: { repository: 'acme/api', number: 40, action: 'commented' },
    });
    await recordRevocation(store, {
      installation: 42,
      repository: 'acme/api',
      fingerprint: 'fedcba9876543210',
      ruleId: 'secrets/github-pat',
      redacted: 'ghp_********…(40)',
      provider: 'github',
      outcome: 'revoked',
      detail: `202 for ${token}`,
    });
    const recs = await store.audit.page(head, 10);
    expect(recs.map((r) => r.kind)).toEqual(['exception', 'policy-change', 'reminder', 'revocation']);
    expect(recs[0]!.body).toMatchObject({ status: 'expired', exception: { rule: 'secrets/generic-password', path: 'test/**', expires: '2026-06-01' } });
    expect(recs[1]!.body).toMatchObject({ before: { digest: 'a'.repeat(64) }, after: { digest: 'b'.repeat(64) }, commit: '3'.repeat(40), actor: 'alice' });
    expect(recs[2]!.body).toMatchObject({ credential: 'NPM_TOKEN', status: 'overdue', due: '2026-06-01' });
    expect(recs[3]!.body).toMatchObject({ fingerprint: 'fedcba9876543210', redacted: 'ghp_********…(40)', outcome: 'revoked', detail: expect.stringMatching(/^202 for ghp_\*+/) });
    // A policy change seen twice (a redelivery) is one record.
    const again = await recordPolicyChange(store, {
      installation: 42,
      repository: 'acme/api',
      ref: 'refs/heads/main',
      commit: '3'.repeat(40),
      deliveryId: '7f1c1a60-3b5e-11ef-9a1e-2b1f3c4d5e6f',
      before: null,
      after: null,
    });
    expect(again.seq).toBe(recs[1]!.seq);
    expect(await rawRows(store)).not.toContain(token);
  });

  it('the finding type cannot carry content: a whole engine Finding does not compile', () => {
    const f = {} as Finding;
    // @ts-expect-error excerpt, message and remediation are typed never
    const whole: AuditFinding = { ...f, disposition: 'reported' };
    const picked: AuditFinding = { fingerprint: f.fingerprint, ruleId: f.ruleId, severity: f.severity, disposition: 'reported' };
    expect([whole, picked]).toHaveLength(2);
  });

  it('the rule-set version follows the registry and the tool version', () => {
    const v = ruleSetVersion();
    expect(v).toMatchObject({ digest: expect.stringMatching(/^[0-9a-f]{16}$/), rules: allRules.length });
    expect(ruleSetVersion(allRules.slice(1), v.tool).digest).not.toBe(v.digest);
    expect(ruleSetVersion(allRules, '9.9.9').digest).not.toBe(v.digest);
    expect(ruleSetVersion([...allRules].reverse(), v.tool).digest).toBe(v.digest);
  });
});
