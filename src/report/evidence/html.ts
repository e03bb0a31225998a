/**
 * The evidence report as one self-contained HTML file: inline CSS, inline SVG charts, no script, and a
 * Content-Security-Policy that forbids every request (`default-src 'none'`), so opening it fetches
 * nothing. Every headline number carries `data-metric="<JSON path>"` and prints the JSON's value.
 */
import type { ControlEvidence, EvidenceReport, RepositoryEvidence, RuleState } from './model.js';
import { day, headline, shown, short } from './figures.js';
import { credentialsChart, esc, findingsChart, passRateChart, SEVERITY_COLOR, STATUS_COLOR } from './svg.js';

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; margin: 0; background: #f9fafb; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #e5e7eb; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: #374151; margin: 0 0 12px; }
.meta dt { font-weight: 600; display: inline; }
.meta dd { display: inline; margin: 0 16px 0 4px; }
.banner { border-radius: 6px; padding: 10px 14px; margin: 12px 0; border: 1px solid; }
.banner.ok { background: #f0fdf4; border-color: #86efac; }
.banner.broken { background: #fef2f2; border-color: #dc2626; border-width: 3px; font-size: 16px; }
.banner.none { background: #f3f4f6; border-color: #d1d5db; }
.banner code { word-break: break-all; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 12px 0; }
.card { border: 1px solid #e5e7eb; border-radius: 6px; padding: 8px 10px; }
.card .v { font-size: 22px; font-weight: 700; display: block; }
.card .l { color: #4b5563; font-size: 12px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 10px; }
.charts figure.wide { grid-column: 1 / -1; }
figure svg { display: block; max-width: 760px; margin: 0 auto; }
td:first-child code { white-space: nowrap; }
figure { margin: 8px 0; border: 1px solid #e5e7eb; border-radius: 6px; padding: 8px; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
th, td { border: 1px solid #e5e7eb; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; white-space: nowrap; }
.passing { background: #15803d; } .failing { background: #dc2626; } .not-evaluated { background: #6b7280; }
.pass { background: #15803d; } .warn { background: #d97706; } .fail { background: #dc2626; }
.open { background: #dc2626; } .closed { background: #15803d; } .unknown { background: #6b7280; }
.active { background: #1d4ed8; } .expired { background: #7f1d1d; }
.empty { color: #6b7280; font-style: italic; }
.nw { white-space: nowrap; }
.notes li { margin: 4px 0; }
details summary { cursor: pointer; color: #1d4ed8; }
footer { margin-top: 32px; color: #4b5563; font-size: 12px; border-top: 1px solid #e5e7eb; padding-top: 8px; }
@media print { body { background: #fff; } main { padding: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } details > *:not(summary) { display: block; } }
`;

const badge = (cls: string, text = cls): string => `<span class="badge ${esc(cls)}">${esc(text)}</span>`;
const dot = (color: string): string => `<span class="badge" style="background:${color}">&nbsp;</span>`;
/** A coloured dot and its word, kept on one line. */
const dotted = (color: string, text: string): string => `<span class="nw">${dot(color)} ${esc(text)}</span>`;
const code = (s: string | null | undefined): string => (s ? `<code>${esc(s)}</code>` : '—');
const txt = (s: string | null | undefined): string => (s === null || s === undefined || s === '' ? '—' : esc(s));
const num = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : String(v));
const metric = (path: string, text: string): string => `<span data-metric="${esc(path)}">${esc(text)}</span>`;

function table(head: Array<string | [string, 'n']>, rows: string[][], empty: string, count?: string): string {
  if (!rows.length) return `<p class="empty"${count ? ` data-count="${esc(count)}" data-rows="0"` : ''}>${esc(empty)}</p>`;
  const th = head.map((h) => (Array.isArray(h) ? `<th class="n">${esc(h[0])}</th>` : `<th>${esc(h)}</th>`)).join('');
  const numeric = head.map((h) => Array.isArray(h));
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table${count ? ` data-count="${esc(count)}" data-rows="${rows.length}"` : ''}><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function chainBanner(r: EvidenceReport): string {
  const c = r.chain;
  if (!c)
    return `<div class="banner none" data-chain="none"><strong>No audit trail.</strong> This report was built without the App's store: check history, finding ages and remediation issues are not included.</div>`;
  const cp = c.lastCheckpoint
    ? `Last checkpoint: record <code>${c.lastCheckpoint.seq}</code> at ${esc(c.lastCheckpoint.time)}, digest <code title="${esc(c.lastCheckpoint.digest)}">${esc(c.lastCheckpoint.digest)}</code>.`
    : 'No checkpoint record yet.';
  if (!c.intact) {
    const b = c.break!;
    return `<div class="banner broken" data-chain="broken"><strong>AUDIT TRAIL BROKEN at record ${b.seq} (${esc(b.reason)}).</strong> ${esc(b.message)}<br>
${c.lastGood ? `Last record that verified: <code>${c.lastGood.seq}:${esc(c.lastGood.digest)}</code>. ` : ''}The history in this report was read from a trail that cannot all be trusted; do not rely on it before the break is explained. ${cp}</div>`;
  }
  return `<div class="banner ok" data-chain="intact"><strong>Audit trail verified intact</strong>: ${metric('chain.records', String(c.records))} records, hash chain recomputed from record 1.
Built from head <code data-metric="chain.head.seq">${c.head.seq}</code>:<code title="SHA-256 digest of record ${c.head.seq}">${esc(c.head.digest)}</code>${c.head.time ? ` (${esc(c.head.time)})` : ''}.
${cp} Keep this <code>SEQ:DIGEST</code> in your working papers: <code>tokenwarden audit verify --pin ${c.head.seq}:${esc(c.head.digest)}</code> later proves nothing up to it was rewritten.</div>`;
}

const ruleStateBadge = (s: RuleState): string => badge(s, s.replace('-', ' '));

function controlsSection(ctl: readonly ControlEvidence[]): string {
  const rows = ctl.map((c) => {
    const failing = c.rules.filter((r) => r.state === 'failing');
    const list = c.rules.map((r) => `${code(r.id)} ${ruleStateBadge(r.state)}${r.open ? ` ${r.open} open` : ''}`).join('<br>');
    return [
      `<code>${esc(c.id)}</code>`,
      esc(c.title),
      ruleStateBadge(c.state),
      num(c.counts.rules),
      num(c.counts.passing),
      num(c.counts.failing),
      num(c.counts.notEvaluated),
      `${failing.length ? failing.map((r) => `${code(r.id)} (${r.open} open)`).join('<br>') : '<span class="empty">none failing</span>'}${c.rules.length ? `<details><summary>all ${c.rules.length} rules</summary>${list}</details>` : ''}`,
    ];
  });
  return table(['Control', 'What it requires', 'State', ['Rules', 'n'], ['Passing', 'n'], ['Failing', 'n'], ['Not evaluated', 'n'], 'Evidenced by'], rows, 'This pack has no controls.', 'controls');
}

function repoSection(repo: RepositoryEvidence, i: number): string {
  const p = `repositories.${i}`;
  const out: string[] = [`<section data-repository="${esc(repo.name)}"><h2>Repository ${esc(repo.name)}</h2>`];
  const c = repo.checks;
  out.push(
    `<p>Checks in the period: ${metric(`${p}.checks.evaluations`, String(c.evaluations))} — passed ${metric(`${p}.checks.pass`, String(c.pass))}, warned ${metric(`${p}.checks.warn`, String(c.warn))}, failed ${metric(`${p}.checks.fail`, String(c.fail))} (of which not judged: ${num(c.error)}); pass rate ${metric(`${p}.checks.passRate`, shown(c.passRate, '%'))}.</p>`,
  );

  out.push('<h3>Credentials</h3>');
  if (repo.credentials === null)
    out.push(`<p class="empty" data-count="${p}.credentials" data-rows="0">No credential is known: no token inventory was scanned and no rotation reminder was recorded.</p>`);
  else
    out.push(
      table(
        ['Status', 'Credential', 'Kind', 'Owner', 'Scopes', 'Last rotated', ['Every (days)', 'n'], 'Due', ['Days left', 'n'], 'Source'],
        repo.credentials.map((x) => [
          dotted(STATUS_COLOR[x.status], x.status),
          code(x.name),
          x.kind ? `${esc(x.kind)}${x.provider ? ` (${esc(x.provider)})` : ''}` : '—',
          txt(x.owner),
          x.scopes === null ? '<span class="empty">not recorded</span>' : x.scopes.length ? x.scopes.map(code).join(' ') : '—',
          txt(x.lastRotated),
          num(x.rotationDays),
          `${txt(x.dueDate)}${x.dueReason ? ` (${esc(x.dueReason)})` : ''}`,
          num(x.daysLeft),
          `${esc(x.source)}, ${esc(day(x.asOf))}`,
        ]),
        'The inventory lists no credential.',
        `${p}.credentials`,
      ),
    );

  out.push('<h3>Open findings</h3>');
  out.push(
    table(
      ['Level', 'Severity', 'Rule', 'Where', 'Value', 'Fingerprint', 'First seen', ['Age (days)', 'n'], 'Issue'],
      repo.findings.map((f) => [
        badge(f.level),
        dotted(SEVERITY_COLOR[f.severity], f.severity),
        code(f.rule),
        `${code(f.path)}${f.line !== null ? `:${f.line}` : ''}`,
        code(f.redacted),
        `${code(f.fingerprint)}${f.expiredException ? `<br><small>exception ${esc(f.expiredException)} expired</small>` : ''}`,
        esc(day(f.firstSeen)),
        num(f.ageDays),
        f.issue ? `${esc(f.issue.repository)}#${f.issue.number}` : '—',
      ]),
      'No open finding.',
      `${p}.findings`,
    ),
  );

  out.push('<h3>Remediation issues</h3>');
  out.push(
    table(
      ['State', 'Issue', 'Finding', 'Opened', ['Age (days)', 'n']],
      repo.issues.map((x) => [
        badge(x.state),
        x.url ? `${esc(x.repository)}#${x.number} <small>${esc(x.url)}</small>` : `${esc(x.repository)}#${x.number}`,
        code(x.fingerprint),
        esc(day(x.opened)),
        num(x.ageDays),
      ]),
      'No remediation issue was written.',
      `${p}.issues`,
    ),
  );

  out.push('<h3>Exceptions</h3>');
  out.push(
    table(
      ['Status', 'Covers', 'Justification', 'Approved by', 'Expires', ['Days left', 'n'], ['Findings covered', 'n'], 'Declared in'],
      repo.exceptions.map((e) => [
        badge(e.status),
        [e.fingerprint ? `fingerprint ${code(e.fingerprint)}` : '', e.rule ? `rule ${code(e.rule)}` : '', e.path ? `path ${code(e.path)}` : ''].filter(Boolean).join('<br>') || '—',
        esc(e.justification),
        esc(e.approvedBy),
        esc(e.expires),
        num(e.daysLeft),
        num(e.covers),
        txt(e.source),
      ]),
      'No exception.',
      `${p}.exceptions`,
    ),
  );

  out.push('<h3>Check history</h3>');
  out.push(
    table(
      ['Time (UTC)', 'Record', 'Event', 'Change', 'Verdict', ['Reported', 'n'], ['Excepted', 'n'], ['Not judged', 'n'], 'Check run', 'Policy'],
      repo.evaluations.map((e) => [
        esc(e.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z')),
        num(e.seq),
        esc(e.event),
        e.pullRequest !== null ? `PR #${e.pullRequest}` : e.commit ? `commit ${code(short(e.commit, 10))}` : code(short(e.headSha, 10)),
        e.verdict ? badge(e.verdict) : '—',
        num(e.reported),
        num(e.excepted),
        num(e.notJudged),
        num(e.checkRun),
        e.error ? `<small>not judged: ${esc(e.error)}</small>` : e.policyDigest ? `<code title="${esc(e.policyDigest)}">${esc(short(e.policyDigest))}</code>` : '—',
      ]),
      'No check in the period.',
      `${p}.evaluations`,
    ),
  );
  if (repo.checks.evaluations > repo.evaluations.length)
    out.push(`<p class="empty">The ${repo.evaluations.length} latest of ${repo.checks.evaluations} checks are listed; 'tokenwarden audit export --repo ${esc(repo.name)}' lists them all.</p>`);
  out.push('</section>');
  return out.join('\n');
}

export function renderEvidenceHtml(r: EvidenceReport): string {
  const s = r.summary;
  const scope = r.scope.kind === 'repository' ? `repository ${r.scope.repository ?? '—'}` : r.scope.installation !== null ? `installation ${r.scope.installation}` : 'every installation in the store';
  const cards = headline(r)
    .map((f) => `<div class="card"><span class="v" data-metric="${esc(f.path)}">${esc(f.text)}</span><span class="l">${esc(f.label)}</span></div>`)
    .join('\n');
  const scan = r.sources.scan;
  const body = [
    `<h1>${esc(r.title)}</h1>`,
    `<dl class="meta"><dt>Scope</dt><dd>${esc(scope)}</dd><dt>Period</dt><dd>${esc(r.period.since)} to ${esc(r.period.until)} (end excluded)</dd><dt>Compliance pack</dt><dd>${esc(r.pack.title)}</dd><dt>Generated</dt><dd>${esc(r.generatedAt)} by Token Warden ${esc(r.tool)}</dd></dl>`,
    chainBanner(r),
    '<h2>Summary</h2>',
    `<div class="cards">${cards}</div>`,
    r.notes.length ? `<h3>Read with these notes</h3><ul class="notes">${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '',
    '<div class="charts">',
    `<figure class="wide"><figcaption>Pass rate over time</figcaption>${passRateChart(r.history, 'Share of checks that passed, per period')}</figure>`,
    `<figure><figcaption>Open findings by family and severity</figcaption>${findingsChart(s.findings.byFamilySeverity, 'Open findings by family and severity')}</figure>`,
    `<figure><figcaption>Credentials by rotation status</figcaption>${credentialsChart(s.credentials.byStatus, 'Credentials by rotation status')}</figure>`,
    '</div>',
    `<h2>Controls: ${esc(r.pack.title)}</h2>`,
    `<p>Each control with the rules that evidence it (basis: ${esc(r.pack.basis)}). A rule is <em>failing</em> with an open finding at level fail, <em>passing</em> when it was evaluated without one, <em>not evaluated</em> when no check in the period ran it.</p>`,
    controlsSection(r.controls),
    ...r.repositories.map(repoSection),
    r.repositories.length ? '' : '<p class="empty">No repository in scope.</p>',
    '<h2>Sources</h2>',
    scan
      ? `<p>Working tree scanned on ${esc(scan.today)}: ${scan.files} files; policy <code title="${esc(scan.policy.digest)}">${esc(short(scan.policy.digest))}</code> from ${scan.policy.sources.map(code).join(' → ')}; rule set <code>${esc(scan.ruleSet.digest)}</code> (${scan.ruleSet.rules} rules, Token Warden ${esc(scan.ruleSet.tool)}).${
          scan.notJudged.length ? ` Not judged: ${scan.notJudged.map((n) => `${code(n.path)} (${esc(n.reason)})`).join(', ')}.` : ''
        }</p>`
      : '',
    r.sources.store ? `<p>Audit trail read from the App's store (${esc(r.sources.store.backend)}).</p>` : '',
    `<footer>Token Warden ${esc(r.tool)} — the JSON rendering of this report (<code>--format json</code>) is its source of truth; this page prints the same numbers. No secret value appears in it: findings are named by fingerprint and redacted form.</footer>`,
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Token Warden ${esc(r.tool)}">
<title>${esc(r.title)}</title>
<style>${CSS}</style>
</head>
<body><main>
${body.filter(Boolean).join('\n')}
</main></body>
</html>
`;
}
