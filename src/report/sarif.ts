/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers). Every rule that ran is described
 * so a viewer can explain a result without us; skipped files become tool notifications, exceptions
 * become accepted suppressions (kept for the audit trail, hidden by viewers).
 */
import type * as Sarif from 'sarif';
import type { Finding, Level, Severity, Confidence } from '../engine/finding.js';
import type { Rule } from '../engine/rule.js';
import type { ScanResult } from '../engine/scan.js';
import type { PolicyException } from '../engine/policy/types.js';
import type { Origin, ReportContext } from './context.js';
import { leftOutList, originNote, TOOL_NAME } from './context.js';
import { activeRules, levelFor } from './levels.js';
import { countFindings } from './summary.js';
import { explainVerdict } from './verdict.js';
import { batchScrubber, type Scrub } from './scrub.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'tokenwarden/v1';

/** GitHub maps >= 9.0 to critical, 7.0–8.9 high, 4.0–6.9 medium, below that low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };
const PRECISION: Record<Confidence, string> = { high: 'high', medium: 'medium', low: 'low' };

export function sarifLevel(level: Level): Sarif.Result.level {
  return level === 'fail' ? 'error' : level === 'warn' ? 'warning' : 'none';
}

/** Relative, `/`-separated, percent-encoded: a valid URI reference even for `a b#c.txt`. */
export function artifactUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

const pascal = (id: string): string =>
  id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

function helpText(rule: Rule): { text: string; markdown: string } {
  const m = rule.meta;
  const text = [m.description, '', `Remediation: ${m.remediation}`];
  const md = [`**${m.description}**`, '', `**Remediation:** ${m.remediation}`];
  if (m.revoke) {
    const where = m.revoke.url ? ` (${m.revoke.url})` : '';
    text.push('', `Revoke at ${m.revoke.provider}${where}:`, ...m.revoke.steps.map((s, i) => `${i + 1}. ${s}`));
    md.push('', `**Revoke at ${m.revoke.provider}**${m.revoke.url ? ` — <${m.revoke.url}>` : ''}:`, '', ...m.revoke.steps.map((s, i) => `${i + 1}. ${s}`));
  }
  if (m.controls.length) {
    text.push('', `Controls: ${m.controls.join(', ')}`);
    md.push('', `**Controls:** ${m.controls.map((c) => `\`${c}\``).join(', ')}`);
  }
  return { text: text.join('\n'), markdown: md.join('\n') };
}

function describeRule(rule: Rule, ctx: ReportContext): Sarif.ReportingDescriptor {
  const m = rule.meta;
  return {
    id: m.id,
    name: pascal(m.id),
    shortDescription: { text: m.description },
    fullDescription: { text: `${m.description.replace(/\.$/, '')}. ${m.remediation}` },
    help: helpText(rule),
    defaultConfiguration: { level: sarifLevel(levelFor(ctx.policy, m.id, m.family, m.severity)) },
    properties: {
      tags: ['security', m.family, ...m.controls],
      controls: [...m.controls],
      severity: m.severity,
      confidence: m.confidence,
      precision: PRECISION[m.confidence],
      'security-severity': SECURITY_SEVERITY[m.severity],
    },
  };
}

function location(f: Finding, scrub: Scrub): Sarif.Location {
  return {
    physicalLocation: {
      // A file named after a secret is named redacted (the result's `pathRedacted` says so).
      artifactLocation: { uri: artifactUri(scrub(f.path)), uriBaseId: '%SRCROOT%' },
      region: {
        startLine: f.startLine,
        startColumn: f.startColumn,
        endLine: f.endLine,
        // SARIF's endColumn is exclusive, like ours.
        endColumn: f.endColumn,
        snippet: { text: f.excerpt },
      },
    },
  };
}

function result(f: Finding, ruleIndex: Map<string, number>, scrub: Scrub, exception?: PolicyException, origin?: Origin): Sarif.Result {
  // Found in history: the message says where it first appeared and that deleting it did not end the leak.
  const r: Sarif.Result = {
    ruleId: f.ruleId,
    level: sarifLevel(f.level),
    message: { text: origin ? `${scrub(f.message)} (${scrub(originNote(origin))})` : scrub(f.message) },
    locations: [location(f, scrub)],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      severity: f.severity,
      confidence: f.confidence,
      controls: [...f.controls],
      remediation: f.remediation,
      ...(f.redacted ? { redacted: f.redacted } : {}),
      ...(f.secretHash ? { secretHash: f.secretHash } : {}),
      ...(scrub(f.path) !== f.path ? { pathRedacted: true } : {}),
      ...(origin ? { history: { ...origin, path: scrub(origin.path), paths: origin.paths.map(scrub) } } : {}),
    },
  };
  const index = ruleIndex.get(f.ruleId);
  if (index !== undefined) r.ruleIndex = index;
  if (exception) {
    const who = `approved by ${exception.approvedBy}, expires ${exception.expires}`;
    r.suppressions = [{ kind: 'external', status: 'accepted', justification: scrub(`${exception.justification} (${who})`) }];
  }
  return r;
}

export function buildSarif(scan: ScanResult, ctx: ReportContext): Sarif.Log {
  // Paths and free text of the whole report scrubbed in one batch; the lookups below are free.
  const all = [...scan.findings, ...scan.excepted.map((e) => e.finding)];
  const scrub = batchScrubber([...all.flatMap((f) => [f.path, f.message]), ...scan.skipped.flatMap((s) => [s.path, s.detail])]);
  // Rules that ran, plus any rule a finding names (a per-finding severity can lift an "off" rule).
  const rules = activeRules(ctx.policy, ctx.rules);
  const named = new Set([...scan.findings, ...scan.excepted.map((e) => e.finding)].map((f) => f.ruleId));
  for (const r of ctx.rules) if (named.has(r.meta.id) && !rules.includes(r)) rules.push(r);
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));

  const detail = explainVerdict(scan, ctx.policy);
  const notifyLevel = detail.incomplete === 'fail' ? 'error' : detail.incomplete === 'warn' ? 'warning' : 'note';
  const notifications: Sarif.Notification[] = [...scan.skipped]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((s) => ({
      level: notifyLevel,
      descriptor: { id: `${TOOL_NAME}/skipped/${s.reason}` },
      message: { text: `Not scanned (${s.reason}${s.detail ? `: ${scrub(s.detail)}` : ''}): ${scrub(s.path)}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(scrub(s.path)), uriBaseId: '%SRCROOT%' } } }],
    }));
  for (const n of ctx.notes ?? []) notifications.push({ level: 'note', descriptor: { id: `${TOOL_NAME}/note` }, message: { text: scrub(n) } });

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        version: ctx.toolVersion,
        semanticVersion: ctx.toolVersion,
        rules: rules.map((r) => describeRule(r, ctx)),
      },
    },
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    columnKind: 'utf16CodeUnits',
    results: [
      ...scan.findings.map((f) => result(f, ruleIndex, scrub, undefined, ctx.origins?.get(f.fingerprint))),
      ...scan.excepted.map((e) => result(e.finding, ruleIndex, scrub, e.exception, ctx.origins?.get(e.finding.fingerprint))),
    ],
    properties: {
      verdict: detail.verdict,
      policySources: [...ctx.policy.sources],
      policyHash: ctx.policy.hash,
      counts: { ...countFindings(scan) },
      stats: { ...scan.stats },
      ...(ctx.leftOut ? { leftOut: leftOutList(ctx.leftOut, scrub) } : {}),
      ...(ctx.history ? { history: { ...ctx.history } } : {}),
    },
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function renderSarif(scan: ScanResult, ctx: ReportContext): string {
  return JSON.stringify(buildSarif(scan, ctx), null, 2) + '\n';
}
