/** `tokenwarden rules [ID]`: what the engine can detect; one rule whole, with its options. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { allRules } from '../engine/registry.js';
import type { Rule } from '../engine/rule.js';
import type { Family } from '../engine/finding.js';
import { levelFor } from '../engine/policy/level.js';
import { policiesDir } from '../engine/policy/packs.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';
import { oneOf, parseCommandArgs, usageError } from './args.js';
import { HELP } from './help.js';
import { CliError, EXIT, type Io } from './io.js';
import { loadPolicy } from './config.js';
import { workTreeTop } from './git.js';

const FAMILIES: readonly Family[] = ['secrets', 'scopes', 'rotation'];

/**
 * The options a rule documents in the built-in default policy (`policies/default.yml`, commented out
 * under `#  <id>:`), as YAML lines without the comment marks; empty when it documents none.
 */
export function documentedOptions(id: string, text = readFileSync(join(policiesDir(), 'default.yml'), 'utf8')): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^#  ${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:(\\s|$)`).test(l));
  if (start === -1) return [];
  const out: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!;
    // The entry's body is indented deeper than `#  <id>:`; the next entry or the end of the comment stops it.
    if (!/^# {4}/.test(l)) break;
    out.push(l.slice(3));
  }
  return out;
}

interface RuleDetail {
  id: string;
  family: Family;
  severity: string;
  confidence: string;
  description: string;
  controls: string[];
  remediation: string;
  revoke: Rule['meta']['revoke'] | null;
  /** The level this rule reports at under the policy in effect. */
  level: string;
  policy: string[];
  keywords: string[];
  /** Options as the built-in default policy documents them (YAML, with their defaults). */
  documentedOptions: string | null;
  /** What the policy in effect sets for this rule: options, paths, ignore. */
  configured: Record<string, unknown> | null;
}

function detail(rule: Rule, policy: ResolvedPolicy): RuleDetail {
  const m = rule.meta;
  const rp = policy.rules[m.id];
  const configured: Record<string, unknown> = {};
  if (rp?.options && Object.keys(rp.options).length) configured.options = rp.options;
  if (rp?.paths?.length) configured.paths = rp.paths;
  if (rp?.ignore?.length) configured.ignore = rp.ignore;
  const documented = documentedOptions(m.id);
  return {
    id: m.id,
    family: m.family,
    severity: m.severity,
    confidence: m.confidence,
    description: m.description,
    controls: [...m.controls],
    remediation: m.remediation,
    revoke: m.revoke ?? null,
    level: levelFor(policy, m.id, m.family, m.severity),
    policy: [...policy.sources],
    keywords: [...rule.keywords],
    documentedOptions: documented.length ? documented.join('\n') : null,
    configured: Object.keys(configured).length ? configured : null,
  };
}

function renderDetail(d: RuleDetail): string {
  const out = [
    d.id,
    `  ${d.description}`,
    '',
    `  family      ${d.family}`,
    `  severity    ${d.severity}`,
    `  confidence  ${d.confidence}`,
    `  level       ${d.level} (policy: ${d.policy.join(' + ')})`,
    `  controls    ${d.controls.join(', ') || '-'}`,
  ];
  if (d.keywords.length) out.push(`  keywords    ${d.keywords.join(', ')}`);
  out.push('', 'Remediation', `  ${d.remediation}`);
  if (d.revoke) {
    out.push('', `Revoke at ${d.revoke.provider}${d.revoke.url ? ` (${d.revoke.url})` : ''}`, ...d.revoke.steps.map((s, i) => `  ${i + 1}. ${s}`));
  }
  out.push('', 'Options');
  if (d.documentedOptions) {
    out.push('  built-in defaults (set them under rules: in .github/tokenwarden.yml):', `    rules:`, `      ${d.id}:`, ...d.documentedOptions.split('\n').map((l) => `      ${l}`));
  } else {
    out.push(`  none besides the level and path globs every rule takes, e.g.:`, `    rules:`, `      ${d.id}:`, `        level: warn`, `        ignore: ["test/fixtures/**"]`);
  }
  if (d.configured)
    out.push(
      '  set by the policy in effect:',
      ...stringify(d.configured)
        .trimEnd()
        .split('\n')
        .map((l) => `    ${l}`),
    );
  return out.join('\n') + '\n';
}

/** Close ids for a mistyped one: those containing it, else those sharing its last segment. */
function suggestions(id: string): string[] {
  const q = id.toLowerCase();
  const tail = q.split('/').pop() ?? q;
  const hits = allRules.map((r) => r.meta.id).filter((x) => x.includes(q) || (tail.length >= 3 && x.includes(tail)));
  return hits.slice(0, 8);
}

export async function rulesCommand(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseCommandArgs('rules', argv, {
    format: { type: 'string', short: 'f' },
    config: { type: 'string', short: 'c' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) {
    io.stdout.write(HELP.rules);
    return EXIT.ok;
  }
  const format = oneOf('rules', 'format', v.format, ['text', 'json'] as const, 'text');
  if (positionals.length > 1) throw usageError('rules', `one rule id at a time (got ${positionals.length})`);
  const wanted = positionals[0];
  const family = FAMILIES.find((f) => f === wanted);

  if (wanted !== undefined && !family) {
    const rule = allRules.find((r) => r.meta.id === wanted);
    if (!rule) {
      const close = suggestions(wanted);
      throw new CliError(`no rule '${wanted}'`, close.length ? `did you mean ${close.join(', ')}?` : `run 'tokenwarden rules' for the list (ids look like secrets/github-token)`);
    }
    const root = (await workTreeTop(io.cwd)) ?? io.cwd;
    const { policy } = await loadPolicy({ cwd: io.cwd, root, explicit: v.config, today: io.now() });
    const d = detail(rule, policy);
    io.stdout.write(format === 'json' ? JSON.stringify(d, null, 2) + '\n' : renderDetail(d));
    return EXIT.ok;
  }

  const rows = allRules
    .filter((r) => !family || r.meta.family === family)
    .map((r) => ({ id: r.meta.id, family: r.meta.family, severity: r.meta.severity, confidence: r.meta.confidence, description: r.meta.description, controls: r.meta.controls }));
  if (format === 'json') {
    io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return EXIT.ok;
  }
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
  io.stdout.write(`${'ID'.padEnd(idWidth)}  SEVERITY  CONFIDENCE  DESCRIPTION\n`);
  for (const r of rows) io.stdout.write(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(8)}  ${r.confidence.padEnd(10)}  ${r.description}\n`);
  io.stdout.write(`${rows.length} rules${family ? ` in ${family}` : ''}; 'tokenwarden rules ID' shows one with its options\n`);
  return EXIT.ok;
}
