/** The org scan's report for a terminal: one line per repository, then the summary. */
import type { OrgReport, RepoResult } from './types.js';

const plural = (n: number, w: string): string => `${n} ${n === 1 ? w : w.endsWith('y') ? `${w.slice(0, -1)}ies` : `${w}s`}`;

function repoLine(r: RepoResult): string {
  const mark = r.verdict === 'fail' ? 'FAIL' : r.verdict === 'warn' ? 'warn' : 'ok  ';
  if (r.status === 'empty') return `  ok    ${r.repository}: empty (no commit on ${r.defaultBranch})`;
  if (r.status === 'policy-error') return `  FAIL  ${r.repository}: the policy does not load (${r.policyErrors?.[0] ?? 'error'}); nothing judged`;
  const parts = [`${plural(r.files.scanned, 'file')}`];
  if (r.counts.fail || r.counts.warn) parts.push(`${r.counts.fail} fail, ${r.counts.warn} warn`);
  if (r.counts.notJudged) parts.push(`${r.counts.notJudged} not judged`);
  if (r.counts.credentials) parts.push(plural(r.counts.credentials, 'credential'));
  return `  ${mark}  ${r.repository}@${r.defaultBranch} ${r.headSha?.slice(0, 7) ?? ''}: ${parts.join(', ')}`;
}

export function renderOrgText(report: OrgReport, opts: { findings?: number } = {}): string {
  const out: string[] = [];
  const s = report.summary;
  out.push(`Token Warden org scan of ${report.org} (${report.apiUrl}) on ${report.today}`);
  for (const r of report.repositories) {
    out.push(repoLine(r));
    for (const f of r.findings.slice(0, opts.findings ?? 5)) {
      out.push(`        ${f.level.padEnd(4)} ${f.path}:${f.line} ${f.ruleId}${f.redacted ? ` ${f.redacted}` : ''} [${f.fingerprint}]`);
    }
    if (r.findings.length > (opts.findings ?? 5)) out.push(`        … ${r.findings.length - (opts.findings ?? 5)} more (see --out)`);
  }
  for (const f of report.failed) out.push(`  ERROR ${f.repository}: ${f.error}`);
  out.push('');
  out.push(
    `${plural(s.scanned, 'repository')} scanned of ${s.selected} selected (${s.listed} listed; ${s.skipped} skipped${s.resumed ? `; ${s.resumed} from the state of an earlier run` : ''})` +
      `${s.failed ? `, ${s.failed} failed` : ''}${s.pending ? `, ${s.pending} not reached` : ''}.`,
  );
  out.push(`Verdicts: ${s.verdicts.fail} fail, ${s.verdicts.warn} warn, ${s.verdicts.pass} pass.`);
  const fam = Object.entries(s.findings.byFamily)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  out.push(`Findings: ${s.findings.total} (${s.findings.fail} fail, ${s.findings.warn} warn)${fam ? `: ${fam}` : ''}.`);
  if (s.credentials.total) {
    out.push(
      `Credentials: ${s.credentials.total} (${Object.entries(s.credentials.byStatus)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}).`,
    );
  }
  if (s.notJudged) out.push(`Not judged: ${plural(s.notJudged, 'file')} (too large, binary, unreadable; listed per repository in --out).`);
  if (!report.complete) out.push('Incomplete: run the same command again (with the same --state FILE) to scan the rest.');
  return `${out.join('\n')}\n`;
}
