/**
 * The evidence report as Markdown (GitHub-flavoured tables), from the same model as the HTML and JSON:
 * the headline table prints the JSON's numbers through the same `headline()`.
 */
import type { EvidenceReport, RepositoryEvidence } from './model.js';
import { CREDENTIAL_STATES, FAMILIES, SEVERITY_ORDER } from './model.js';
import { day, headline, shown, short } from './figures.js';

/** A table cell: pipes and line breaks cannot break the table, backticks cannot open code. */
const cell = (s: string | number | null | undefined): string =>
  s === null || s === undefined || s === ''
    ? '—'
    : String(s)
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/[\r\n]+/g, ' ');
const code = (s: string | null | undefined): string =>
  s
    ? `\`${s
        .replace(/`/g, "'")
        .replace(/\|/g, '\\|')
        .replace(/[\r\n]+/g, ' ')}\``
    : '—';

function table(head: string[], rows: string[][], empty: string): string[] {
  if (!rows.length) return [`_${empty}_`, ''];
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((h) => (/^(#|Days|Age|Every|Rules|Passing|Failing|Not evaluated|Reported|Excepted|Covered|Count)/.test(h) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}

function repo(r: RepositoryEvidence): string[] {
  const c = r.checks;
  const out = [
    `## Repository ${cell(r.name)}`,
    '',
    `Checks in the period: ${c.evaluations} — passed ${c.pass}, warned ${c.warn}, failed ${c.fail} (of which not judged: ${c.error}); pass rate ${shown(c.passRate, '%')}.`,
    '',
    '### Credentials',
    '',
  ];
  if (r.credentials === null) out.push('_No credential is known: no token inventory was scanned and no rotation reminder was recorded._', '');
  else
    out.push(
      ...table(
        ['Status', 'Credential', 'Kind', 'Owner', 'Scopes', 'Last rotated', 'Every (days)', 'Due', 'Days left', 'Source'],
        r.credentials.map((x) => [
          `**${x.status}**`,
          code(x.name),
          cell(x.kind ? `${x.kind}${x.provider ? ` (${x.provider})` : ''}` : null),
          cell(x.owner),
          x.scopes === null ? '_not recorded_' : x.scopes.length ? x.scopes.map(code).join(' ') : '—',
          cell(x.lastRotated),
          cell(x.rotationDays),
          cell(x.dueDate ? `${x.dueDate}${x.dueReason ? ` (${x.dueReason})` : ''}` : null),
          cell(x.daysLeft),
          cell(`${x.source}, ${day(x.asOf)}`),
        ]),
        'The inventory lists no credential.',
      ),
    );
  out.push('### Open findings', '');
  out.push(
    ...table(
      ['Level', 'Severity', 'Rule', 'Where', 'Value', 'Fingerprint', 'First seen', 'Age (days)', 'Issue'],
      r.findings.map((f) => [
        `**${f.level}**`,
        f.severity,
        code(f.rule),
        `${code(f.path)}${f.line !== null ? `:${f.line}` : ''}`,
        code(f.redacted),
        `${code(f.fingerprint)}${f.expiredException ? ` (exception ${f.expiredException} expired)` : ''}`,
        day(f.firstSeen),
        cell(f.ageDays),
        f.issue ? cell(`${f.issue.repository}#${f.issue.number}`) : '—',
      ]),
      'No open finding.',
    ),
  );
  out.push('### Remediation issues', '');
  out.push(
    ...table(
      ['State', 'Issue', 'Finding', 'Opened', 'Age (days)'],
      r.issues.map((x) => [`**${x.state}**`, cell(`${x.repository}#${x.number}`), code(x.fingerprint), day(x.opened), cell(x.ageDays)]),
      'No remediation issue was written.',
    ),
  );
  out.push('### Exceptions', '');
  out.push(
    ...table(
      ['Status', 'Covers', 'Justification', 'Approved by', 'Expires', 'Days left', 'Covered findings', 'Declared in'],
      r.exceptions.map((e) => [
        `**${e.status}**`,
        [e.fingerprint ? `fingerprint ${code(e.fingerprint)}` : '', e.rule ? `rule ${code(e.rule)}` : '', e.path ? `path ${code(e.path)}` : ''].filter(Boolean).join(', ') || '—',
        cell(e.justification),
        cell(e.approvedBy),
        e.expires,
        cell(e.daysLeft),
        cell(e.covers),
        cell(e.source),
      ]),
      'No exception.',
    ),
  );
  out.push('### Check history', '');
  out.push(
    ...table(
      ['Time (UTC)', 'Record', 'Event', 'Change', 'Verdict', 'Reported', 'Excepted', 'Not judged', 'Check run'],
      r.evaluations.map((e) => [
        e.time,
        String(e.seq),
        cell(e.event),
        e.pullRequest !== null ? `PR #${e.pullRequest}` : e.commit ? code(short(e.commit, 10)) : code(short(e.headSha, 10)),
        e.verdict ? `**${e.verdict}**` : '—',
        String(e.reported),
        String(e.excepted),
        String(e.notJudged),
        cell(e.checkRun),
      ]),
      'No check in the period.',
    ),
  );
  if (c.evaluations > r.evaluations.length) out.push(`_The ${r.evaluations.length} latest of ${c.evaluations} checks are listed._`, '');
  return out;
}

export function renderEvidenceMarkdown(r: EvidenceReport): string {
  const s = r.summary;
  const scope = r.scope.kind === 'repository' ? `repository ${r.scope.repository ?? '—'}` : r.scope.installation !== null ? `installation ${r.scope.installation}` : 'every installation in the store';
  const out: string[] = [
    `# ${cell(r.title)}`,
    '',
    `- **Scope:** ${cell(scope)}`,
    `- **Period:** ${r.period.since} to ${r.period.until} (end excluded)`,
    `- **Compliance pack:** ${cell(r.pack.title)}`,
    `- **Generated:** ${r.generatedAt} by Token Warden ${r.tool}`,
    '',
  ];
  const c = r.chain;
  if (!c) out.push("> **No audit trail.** This report was built without the App's store: check history, finding ages and remediation issues are not included.", '');
  else if (!c.intact) {
    out.push(
      `> ## ⚠ AUDIT TRAIL BROKEN at record ${c.break!.seq} (${c.break!.reason})`,
      `> ${cell(c.break!.message)}`,
      `> ${c.lastGood ? `Last record that verified: \`${c.lastGood.seq}:${c.lastGood.digest}\`. ` : ''}The history below was read from a trail that cannot all be trusted.`,
      '',
    );
  } else {
    out.push(
      `> **Audit trail verified intact:** ${c.records} records. Built from head \`${c.head.seq}:${c.head.digest}\`${c.head.time ? ` (${c.head.time})` : ''}. ${c.lastCheckpoint ? `Last checkpoint: record ${c.lastCheckpoint.seq} at ${c.lastCheckpoint.time}, digest \`${c.lastCheckpoint.digest}\`.` : 'No checkpoint record yet.'}`,
      `> Pin it: \`tokenwarden audit verify --pin ${c.head.seq}:${c.head.digest}\``,
      '',
    );
  }
  out.push('## Summary', '', '| Figure | Value |', '| --- | ---: |', ...headline(r).map((f) => `| ${f.label} | ${f.text} |`), '');
  if (r.notes.length) out.push('**Read with these notes:**', '', ...r.notes.map((n) => `- ${cell(n)}`), '');
  out.push(
    '### Check history',
    '',
    ...table(
      ['Period start', 'Checks', 'Passed', 'Warned', 'Failed', 'Pass rate'],
      r.history.buckets.filter((b) => b.evaluations).map((b) => [b.start, String(b.evaluations), String(b.pass), String(b.warn), String(b.fail), shown(b.passRate, '%')]),
      'No check in the period.',
    ),
  );
  out.push(
    '### Open findings by family and severity',
    '',
    ...table(
      ['Family', ...SEVERITY_ORDER, 'Total'],
      FAMILIES.map((f) => [f, ...SEVERITY_ORDER.map((v) => String(s.findings.byFamilySeverity[f][v])), String(s.findings.byFamily[f])]),
      '',
    ),
  );
  out.push(
    '### Credentials by rotation status',
    '',
    ...table(
      ['Status', 'Count'],
      CREDENTIAL_STATES.map((st) => [st, String(s.credentials.byStatus[st])]),
      '',
    ),
  );
  out.push(
    `## Controls: ${cell(r.pack.title)}`,
    '',
    `Basis: ${cell(r.pack.basis)}. A rule is _failing_ with an open finding at level fail, _passing_ when evaluated without one, _not evaluated_ when no check in the period ran it.`,
    '',
  );
  out.push(
    ...table(
      ['Control', 'What it requires', 'State', 'Rules', 'Passing', 'Failing', 'Not evaluated', 'Failing rules'],
      r.controls.map((x) => [
        code(x.id),
        cell(x.title),
        `**${x.state}**`,
        String(x.counts.rules),
        String(x.counts.passing),
        String(x.counts.failing),
        String(x.counts.notEvaluated),
        x.rules
          .filter((y) => y.state === 'failing')
          .map((y) => `${code(y.id)} (${y.open})`)
          .join(', ') || '—',
      ]),
      'This pack has no controls.',
    ),
  );
  for (const repoEvidence of r.repositories) out.push(...repo(repoEvidence));
  const scan = r.sources.scan;
  out.push('## Sources', '');
  if (scan)
    out.push(
      `Working tree scanned on ${scan.today}: ${scan.files} files; policy \`${scan.policy.digest}\` from ${scan.policy.sources.map(code).join(' → ')}; rule set \`${scan.ruleSet.digest}\` (${scan.ruleSet.rules} rules, Token Warden ${scan.ruleSet.tool}).`,
      '',
    );
  if (r.sources.store) out.push(`Audit trail read from the App's store (${r.sources.store.backend}).`, '');
  out.push('_The JSON rendering of this report is its source of truth; this document prints the same numbers. No secret value appears in it._', '');
  return out.join('\n');
}
