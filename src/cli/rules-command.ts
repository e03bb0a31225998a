/** `tokenwarden rules [ID]`: what the engine can detect; one rule whole, with its options. */
import { stringify } from 'yaml';
import { allRules } from '../engine/registry.js';
import type { Rule } from '../engine/rule.js';
import type { Family } from '../engine/finding.js';
import { typeText } from '../engine/option-schema.js';
import { levelFor } from '../engine/policy/level.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';
import { oneOf, parseCommandArgs, usageError } from './args.js';
import { HELP } from './help.js';
import { CliError, EXIT, type Io } from './io.js';
import { loadPolicy } from './config.js';
import { workTreeTop } from './git.js';

const FAMILIES: readonly Family[] = ['secrets', 'scopes', 'rotation'];

/** One option of a rule, as `meta.options` declares it (the policy is validated against the same). */
export interface OptionDetail {
  name: string;
  /** In words: "a list of strings", "true or false", "one of: …". */
  type: string;
  /** The value the rule uses when the policy does not set it; absent when there is none. */
  default?: unknown;
  description: string;
  /** The keys of a mapping (or of each mapping in a list) the option holds, where they are declared. */
  keys?: OptionDetail[];
}

type Schema = Record<string, unknown>;

function optionDetail(name: string, o: Schema): OptionDetail {
  const inner = ((o.type === 'array' ? (o.items as Schema | undefined)?.properties : o.properties) ?? {}) as Record<string, Schema>;
  const keys = Object.entries(inner).map(([k, v]) => optionDetail(k, v));
  return {
    name,
    type: typeText(o),
    ...('default' in o ? { default: o.default } : {}),
    description: typeof o.description === 'string' ? o.description : '',
    ...(keys.length ? { keys } : {}),
  };
}

/** A rule's options from its metadata, in the order it declares them. */
export function ruleOptions(rule: Pick<Rule, 'meta'>): OptionDetail[] {
  return Object.entries(rule.meta.options ?? {}).map(([name, o]) => optionDetail(name, o));
}

/** A value as it is written in a policy, on one line (`[]`, `[cluster-admin]`, `{ classic-pat: 90, … }`). */
const yamlValue = (v: unknown): string => stringify(v, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();

function renderOption(o: OptionDetail, indent: string): string[] {
  return [
    `${indent}${o.name}: ${o.type}${'default' in o ? `, default ${yamlValue(o.default)}` : ''}`,
    `${indent}    ${o.description}`,
    ...(o.keys ?? []).flatMap((k) => renderOption(k, `${indent}    `)),
  ];
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
  /** The options the rule takes (none: empty); an unknown option or a wrong value is a policy error. */
  options: OptionDetail[];
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
    options: ruleOptions(rule),
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
  if (d.options.length) {
    out.push('  checked when the policy loads (an unknown option or a wrong value is an error at its line):');
    for (const o of d.options) out.push(...renderOption(o, '  '));
    const defaults = d.options.filter((o) => 'default' in o);
    if (defaults.length)
      out.push(
        '  set them under rules: in .github/tokenwarden.yml, e.g. (the defaults):',
        `    rules:`,
        `      ${d.id}:`,
        `        options:`,
        ...defaults.map((o) => `          ${o.name}: ${yamlValue(o.default)}`),
      );
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
