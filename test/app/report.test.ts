import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import type { RuleMeta } from '../../src/engine/rule.js';
import { batches, code, findingAnnotation, renderSummary, type SummaryInput } from '../../src/report/check-run.js';
import { issueBody, issueKey, issueTitle, keyOfMarkers, markerPath, occurrenceComment, occurrenceId, parseMarkers, resolvedComment, type Occurrence } from '../../src/report/issue.js';
import { redactPath } from '../../src/report/scrub.js';
import { redact } from '../../src/engine/redact.js';
import { desiredReminders, newNamesComment, settledComment, stateChangeComment, type RepoContext } from '../../src/app/sweep/reminders.js';
import type { CredentialStatus } from '../../src/engine/inventory/types.js';
import { describePolicyDiff } from '../../src/app/pipeline/policy-diff.js';
import { resolvePolicy } from '../../src/engine/policy/load.js';
import { describeError, errorFields, SafeError } from '../../src/app/errors.js';
import { githubToken } from '../helpers/tokens.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'secrets/github-token',
  family: 'secrets',
  severity: 'critical',
  confidence: 'high',
  path: 'src/a b|c.ts',
  startLine: 3,
  endLine: 3,
  startColumn: 5,
  endColumn: 45,
  excerpt: 'token = ghp_********…(40)',
  fingerprint: '0123456789abcdef',
  secretHash: 'fedcba9876543210',
  redacted: 'ghp_********…(40)',
  message: 'GitHub token committed.',
  remediation: 'Revoke it.',
  controls: ['PCI-DSS-8.6.2'],
  level: 'fail',
  ...over,
});

const occurrence: Occurrence = { repository: 'acme/api', path: 'src/a b|c.ts', line: 3, sha: 'a'.repeat(40), context: 'pull request #1', contextKey: 'pr:1', author: 'alice' };

const input = (findings: Finding[]): SummaryInput => ({
  subject: 'pull request #1',
  verdict: 'fail',
  findings,
  filesScanned: 1,
  wholeFiles: [],
  skipped: [],
  incompleteScan: 'warn',
  excepted: 0,
  expired: 0,
  suppressed: 0,
  policy: { sources: ['built-in:default'], hash: 'h'.repeat(64), ref: 'main' },
  policyWarnings: [],
  ruleMeta: () => undefined,
});

describe('check-run output', () => {
  it('annotates columns only on single-line spans, at the level the policy gave', () => {
    expect(findingAnnotation(finding())).toMatchObject({ start_line: 3, end_line: 3, start_column: 5, end_column: 45, annotation_level: 'failure' });
    const multi = findingAnnotation(finding({ endLine: 5, level: 'warn' }));
    expect(multi).toMatchObject({ start_line: 3, end_line: 5, annotation_level: 'warning' });
    expect(multi.start_column).toBeUndefined();
    // A secret finding's annotation carries the redacted value, never the excerpt.
    expect(findingAnnotation(finding()).raw_details).not.toContain('token =');
  });

  it('batches by 50', () => {
    expect(batches(Array.from({ length: 120 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches([])).toEqual([]);
  });

  it('truncates the findings table to the limit, with a count of what it left out', () => {
    const many = Array.from({ length: 300 }, (_, i) => finding({ startLine: i + 1, fingerprint: i.toString(16).padStart(16, '0') }));
    const { summary } = renderSummary(input(many), 8000);
    expect(summary.length).toBeLessThanOrEqual(8000);
    const shown = summary.split('\n').filter((l) => l.startsWith('| 🔴')).length;
    expect(summary).toContain(`… and ${300 - shown} more findings not shown here`);
    expect(summary).toContain('### Policy');
  });

  it('escapes table cells and code spans', () => {
    expect(code('a`b')).toBe('`` a`b ``');
    const { summary } = renderSummary(input([finding()]));
    expect(summary).toContain('| `src/a b\\|c.ts:3` |');
  });
});

describe('issue bodies', () => {
  it('carries markers that find the issue again, for secrets by secret hash', () => {
    const f = finding();
    const body = issueBody(f, undefined, [occurrence]);
    const m = parseMarkers(body);
    expect(m).toMatchObject({ fingerprint: f.fingerprint, secret: f.secretHash, repo: 'acme/api', family: 'secrets', occurrences: [occurrenceId(occurrence)] });
    expect(markerPath(m)).toBe('src/a b|c.ts');
    expect(keyOfMarkers(m)).toBe(issueKey(f, 'acme/api'));
    // Same secret elsewhere: same issue.
    expect(issueKey(finding({ path: 'other.ts', fingerprint: 'ffffffffffffffff' }), 'acme/web')).toBe(issueKey(f, 'acme/api'));
  });

  it('keys other findings by repository and fingerprint', () => {
    const f = finding({ family: 'scopes', ruleId: 'scopes/x', secretHash: undefined, redacted: undefined });
    const m = parseMarkers(issueBody(f, undefined, [occurrence]));
    expect(keyOfMarkers(m)).toBe(issueKey(f, 'acme/api'));
    expect(issueKey(f, 'acme/web')).not.toBe(issueKey(f, 'acme/api'));
  });

  it('marks comments with the occurrences they report', () => {
    const other = { ...occurrence, contextKey: 'pr:2', context: 'pull request #2' };
    expect(parseMarkers(occurrenceComment(finding(), [other], false)).occurrences).toEqual([occurrenceId(other)]);
  });
});

describe('issues within GitHub limits, without secrets in paths', () => {
  const token = githubToken('ghp', 'issue-path');
  const leakyPath = `config/${token}.txt`;
  const meta: RuleMeta = {
    id: 'secrets/github-token',
    family: 'secrets',
    severity: 'critical',
    confidence: 'high',
    description: 'GitHub token (classic PAT, OAuth, …).',
    controls: [],
    remediation: 'Revoke it.',
  };

  it('titles: at most 256 characters, the file name kept, the secret in it redacted', () => {
    expect(issueTitle(finding({ path: 'src/a.ts' }), meta, 'acme/api', false)).toBe('[Token Warden] Revoke and rotate the leaked GitHub token (src/a.ts)');
    const leaky = issueTitle(finding({ path: leakyPath }), meta, 'acme/api', true);
    expect(leaky).toBe(`[Token Warden] Revoke and rotate the leaked GitHub token (acme/api: config/${redact(token)}.txt)`);
    const long = issueTitle(finding({ path: `${'deep/'.repeat(1_000)}${token}.txt` }), { ...meta, description: 'd'.repeat(10_000) }, 'acme/api', true);
    expect(long.length).toBeLessThanOrEqual(256);
    expect(long).not.toContain(token);
    expect(long.endsWith(`${redact(token)}.txt)`)).toBe(true);
  });

  it('bodies: redacted path marker, places named without links, no secret in a branch name', () => {
    const o: Occurrence = { ...occurrence, path: leakyPath, context: `push to \`${token}\``, url: `https://github.com/acme/api/blob/${'a'.repeat(40)}/${leakyPath}#L3` };
    const body = issueBody(finding({ path: leakyPath }), meta, [o, { ...occurrence, contextKey: 'pr:2', url: 'https://github.com/acme/api/blob/b/src/a.ts#L3' }]);
    expect(body).not.toContain(token);
    expect(markerPath(parseMarkers(body))).toBe(redactPath(leakyPath));
    expect(body).toContain(`**Where:** \`config/${redact(token)}.txt:3\` at`);
    expect(body).toContain('**Also:** [`src/a b|c.ts:3`');
    const comment = occurrenceComment(finding(), [o], false);
    expect(comment).not.toContain(token);
    expect(parseMarkers(comment).occurrences).toEqual([occurrenceId(o)]);
    expect(resolvedComment(token, 'b'.repeat(40))).not.toContain(token);
  });

  it('bodies and comments: at most 65,536 characters, with the markers at the top intact', () => {
    const many = Array.from({ length: 3_000 }, (_, i) => ({ ...occurrence, path: `${'p'.repeat(400)}/${i}.ts`, contextKey: `pr:${i}` }));
    const f = finding({ family: 'scopes', message: 'm'.repeat(200_000), remediation: 'r'.repeat(200_000) });
    const body = issueBody(f, meta, many);
    expect(body.length).toBeLessThanOrEqual(65_536);
    const m = parseMarkers(body);
    expect(m).toMatchObject({ fingerprint: f.fingerprint, repo: 'acme/api', family: 'scopes' });
    expect(m.occurrences.length).toBeGreaterThan(0);
    expect(body).toContain('… and 2980 more places.');
    const comment = occurrenceComment(f, many, false);
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment).toContain('and 2980 more places');
  });
});

describe('rotation reminders within GitHub limits, without secrets', () => {
  const token = githubToken('ghp', 'reminder');
  const ctx: RepoContext = { repository: 'acme/api', central: true, branch: 'main', inventoryPath: '.github/tokens.yml', htmlUrl: 'https://github.com/acme/api' };
  const status = (over: Partial<CredentialStatus>): CredentialStatus => ({
    name: 'DEPLOY_TOKEN',
    status: 'overdue',
    conditions: ['overdue'],
    key: 'credential:DEPLOY_TOKEN',
    provider: 'GitHub',
    owner: '@alice',
    rotationDays: 90,
    lastRotated: '2026-01-01',
    rotationDue: '2026-04-01',
    missing: [],
    problems: [],
    line: 3,
    references: [],
    message: 'overdue',
    ...over,
  });

  it('titles of at most 256 characters and bodies of at most 65,536, scrubbed before they are cut', () => {
    const long = status({
      name: `${'N'.repeat(190)} ${token}`,
      provider: `p ${token}`,
      references: Array.from({ length: 50 }, (_, i) => ({ path: `.github/workflows/${token}.yml`, line: i + 1 }) as never),
    });
    const { reminders } = desiredReminders([long], ctx, () => undefined);
    const [r] = reminders;
    expect(r!.title.length).toBeLessThanOrEqual(256);
    expect(r!.body.length).toBeLessThanOrEqual(65_536);
    for (const text of [r!.title, r!.body, r!.summary]) expect(text).not.toContain(token);
    // The cut did not leave a recognisable start of the token either.
    expect(r!.title).not.toContain(token.slice(0, 10));
    // A workflow file named after a token is named redacted, without a link.
    expect(r!.body).toContain(`\`.github/workflows/${redact(token)}.yml:1\``);
    expect(r!.body).not.toContain(`/blob/main/.github/workflows/${redact(token)}`);
  });

  it('an inventory with thousands of undeclared secrets still fits one issue', () => {
    const many = Array.from({ length: 3_000 }, (_, i) =>
      status({
        name: `SECRET_${i}_${'X'.repeat(30)}`,
        key: `credential:S${i}`,
        status: 'undeclared',
        conditions: ['undeclared'],
        owner: undefined,
        references: [{ path: '.github/workflows/ci.yml', line: i + 1 }] as never,
      }),
    );
    const { reminders } = desiredReminders(many, ctx, () => undefined);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body.length).toBeLessThanOrEqual(65_536);
    expect(reminders[0]!.body).toMatch(/^<!-- tokenwarden:reminder=/);
  });

  it('comments are scrubbed too', () => {
    const [r] = desiredReminders([status({ name: token })], ctx, () => undefined).reminders;
    expect(stateChangeComment(r!, 'due-soon', false)).not.toContain(token);
    expect(newNamesComment([token])).not.toContain(token);
    expect(settledComment(undefined, ctx, token)).not.toContain(token);
  });
});

describe('policy preview', () => {
  it('lists effective changes', () => {
    const a = resolvePolicy([{ source: 'a', text: 'ignore: ["docs/**"]\nsettings:\n  incomplete_scan: warn\n' }]);
    const b = resolvePolicy([{ source: 'b', text: 'families:\n  secrets: warn\nsettings:\n  incomplete_scan: fail\nissues:\n  scopes: true\n' }]);
    if (!a.ok || !b.ok) throw new Error('policies should load');
    expect(describePolicyDiff(a.policy, b.policy)).toEqual([
      '`settings.incomplete_scan`: warn → fail',
      '`families.secrets`: fail → warn',
      '`ignore` removes `docs/**`',
      '`issues.scopes`: false → true',
    ]);
  });
});

describe('error text', () => {
  const token = githubToken('ghp', 'error-text');

  it('keeps a multi-line message out of the logged stack, and scrubs what is left', () => {
    const e = new Error(`parse failed at line 1\n  value: ${token}\n  more context`);
    const fields = errorFields(e);
    expect(JSON.stringify(fields)).not.toContain(token);
    expect(String(fields.stack)).toMatch(/^\s+at /);
    expect(String(fields.stack)).not.toContain('value:');
  });

  it('scrubs a message before cutting it, so a token cut at the limit does not leak its start', () => {
    const fields = errorFields(new Error(`${'x'.repeat(280)} ${token}`));
    expect(String(fields.message).length).toBeLessThanOrEqual(300);
    expect(JSON.stringify(fields)).not.toContain(token.slice(0, 12));
  });

  it('scrubs the route of a GitHub error: a file or branch name can hold a token', () => {
    const e = Object.assign(new Error('Not Found'), { status: 404, request: { method: 'GET', url: `https://api.github.com/repos/acme/api/contents/config%2F${token}.txt?ref=main` } });
    expect(describeError(e)).toMatch(/^GitHub answered 404 to GET \/repos\/acme\/api\/contents\/config\//);
    expect(describeError(e)).not.toContain(token);
    expect(JSON.stringify(errorFields(e))).not.toContain(token);
  });

  it('scrubs our own messages too', () => {
    expect(describeError(new SafeError(`file config/${token}.txt is too large`))).not.toContain(token);
  });
});
