/**
 * Policy loading: YAML layers (built-in pack → org → repo) → one validated, merged policy, or errors
 * that name the file, line and fix. A broken policy is never replaced by defaults in silence.
 *
 * A proposed policy is repository content like any other: it is parsed within the engine's limits
 * (a layer that exceeds one is a policy error with a fix, never a crash), and every glob it holds is
 * checked for the cost of matching it before anything compiles it.
 */
import { createHash } from 'node:crypto';
import { isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import { composeYaml, firstSyntaxErrors, type ComposedStream } from '../parse/yaml.js';
import { isLimitExceeded, limitFix } from '../limits.js';
import { checkGlob } from '../glob.js';
import type { ResolvedPolicy, RulePolicy, PolicyException, IssuePolicy, SecretsPolicy, BackfillPolicy } from './types.js';
import { DEFAULT_BACKFILL_POLICY, DEFAULT_ISSUE_POLICY } from './types.js';
import type { Level } from '../finding.js';
import { basePolicy } from './builtin.js';
import { validatePolicyShape } from './schema.js';
import { readPack, PACK_NAMES } from './packs.js';
import { packData } from './pack-data.js';
import { allRules } from '../registry.js';
import { closest } from '../suggest.js';
import { isLocked } from './level.js';

export interface PolicyLayer {
  /** Where the text came from, e.g. `.github/tokenwarden.yml` or `acme/.github:.github/tokenwarden.yml`. */
  source: string;
  text: string;
}

export interface PolicyError {
  source: string;
  line: number;
  column: number;
  message: string;
  /** What to change to fix it. */
  fix: string;
}

export type PolicyResult = { ok: true; policy: ResolvedPolicy; warnings: PolicyError[] } | { ok: false; errors: PolicyError[] };

export interface ResolveOptions {
  /** For exception horizons; defaults to the clock. */
  today?: Date;
  /** Rule ids that `rules:` may name; defaults to the registry. */
  knownRules?: readonly string[];
  /**
   * Check the built-in packs' shape and globs too. They ship with the tool and the test suite checks
   * each one (test/engine/policy/load.test.ts); a run skips it: the compiled schema validator was the
   * largest part of every start (an empty-folder scan included).
   */
  checkPacks?: boolean;
}

/** The raw, validated content of one layer. */
interface RawPolicy {
  extends?: string | string[];
  settings?: {
    max_file_size?: number | string;
    min_confidence?: ResolvedPolicy['settings']['minConfidence'];
    decode_encoded?: boolean;
    incomplete_scan?: ResolvedPolicy['settings']['incompleteScan'];
    max_exception_days?: number;
  };
  families?: Partial<ResolvedPolicy['families']>;
  severity_levels?: Partial<ResolvedPolicy['severityLevels']>;
  rules?: Record<string, Level | { level?: Level; paths?: string[]; ignore?: string[]; options?: Record<string, unknown> }>;
  ignore?: string[];
  exceptions?: Array<{ fingerprint?: string; rule?: string; path?: string; justification: string; approved_by: string; expires: string }>;
  lock?: string[];
  issues?: IssuePolicy;
  secrets?: SecretsPolicy;
  backfill?: { history?: boolean; max_commits?: number };
}

interface ParsedLayer {
  layer: PolicyLayer;
  raw: RawPolicy;
  at: (path: readonly (string | number)[], key?: boolean) => { line: number; column: number };
}

const LEVEL_RANK: Record<Level, number> = { off: 0, warn: 1, fail: 2 };
const CONFIDENCE_RANK = { low: 0, medium: 1, high: 2 } as const;
const VERDICT_RANK = { pass: 0, warn: 1, fail: 2 } as const;

function parseLayer(layer: PolicyLayer, errors: PolicyError[]): ParsedLayer | undefined {
  let stream: ComposedStream;
  try {
    stream = composeYaml(layer.text);
  } catch (e) {
    if (isLimitExceeded(e)) errors.push({ source: layer.source, line: e.line ?? 1, column: 1, message: `The policy was not loaded: it ${e.detail}.`, fix: limitFix(e.limit) });
    else
      errors.push({
        source: layer.source,
        line: 1,
        column: 1,
        message: 'The policy could not be parsed as YAML.',
        fix: 'Fix the YAML syntax (indentation with spaces, quote values containing `: ` or `#`).',
      });
    return undefined;
  }
  const pos = (offset: number): { line: number; column: number } => {
    const p = stream.lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const first = stream.docs[0];
  const syntax = [...stream.streamErrors, ...(first?.errors ?? [])];
  if (stream.docs.length > 1) syntax.push({ offset: stream.docs[1]!.doc.range[0], code: 'MULTIPLE_DOCS', message: 'The policy holds more than one YAML document (`---`)' });
  if (syntax.length) {
    for (const e of firstSyntaxErrors(syntax)) {
      errors.push({
        source: layer.source,
        ...pos(e.offset),
        message: `YAML syntax error: ${e.message.split('\n')[0]}`,
        fix:
          e.code === 'DUPLICATE_KEY'
            ? 'Remove the duplicate key.'
            : e.code === 'MULTIPLE_DOCS'
              ? 'Keep one document: remove the `---` separators.'
              : 'Fix the YAML syntax (indentation with spaces, quote values containing `: ` or `#`).',
      });
    }
    return undefined;
  }
  const doc = first?.doc;
  let data: unknown;
  try {
    // Alias expansion was measured and bounded by `composeYaml`: no second, cruder count here.
    data = doc?.toJS({ maxAliasCount: -1 }) ?? {};
  } catch {
    errors.push({
      source: layer.source,
      line: 1,
      column: 1,
      message: 'The policy could not be read as data (an alias to a missing anchor?).',
      fix: 'Define every anchor (`&name`) before its aliases (`*name`).',
    });
    return undefined;
  }
  const at = (path: readonly (string | number)[], key = false) => {
    const node = doc ? nodeAt(doc, path, key) : undefined;
    return node?.range ? pos(node.range[0]) : { line: 1, column: 1 };
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    errors.push({ source: layer.source, line: 1, column: 1, message: 'The policy must be a YAML mapping.', fix: 'Start from `extends: default` and add keys such as `rules:` or `ignore:`.' });
    return undefined;
  }
  return { layer, raw: data as RawPolicy, at };
}

/**
 * A pack parsed at build time (pack-data.ts): its data fresh for this call (nothing may share it), and
 * positions from its YAML, parsed only if a message asks for one.
 */
function builtPack(layer: PolicyLayer): ParsedLayer | undefined {
  const json = packData?.get(layer.source.slice('built-in:'.length));
  if (json === undefined) return undefined;
  let parsed: ParsedLayer | undefined;
  return { layer, raw: JSON.parse(json) as RawPolicy, at: (path, key) => (parsed ??= parseLayer(layer, []))?.at(path, key) ?? { line: 1, column: 1 } };
}

/** Globs that rule options hold, by rule id (`Rule.globOptions`). */
const GLOB_OPTIONS: ReadonlyMap<string, readonly string[]> = new Map(allRules.flatMap((r) => (r.globOptions?.length ? [[r.meta.id, r.globOptions] as const] : [])));

/** The strings at an option spec such as `allowRoles` or `allow[].workflow`, with their paths. */
function optionGlobs(value: unknown, spec: readonly string[], at: (string | number)[], out: Array<{ path: (string | number)[]; glob: string }>): void {
  if (!spec.length) {
    if (typeof value === 'string') out.push({ path: at, glob: value });
    else if (Array.isArray(value)) value.forEach((v, i) => typeof v === 'string' && out.push({ path: [...at, i], glob: v }));
    return;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  const [head, ...rest] = spec;
  const many = head!.endsWith('[]');
  const key = many ? head!.slice(0, -2) : head!;
  const v = (value as Record<string, unknown>)[key];
  if (!many) optionGlobs(v, rest, [...at, key], out);
  else if (Array.isArray(v)) v.forEach((x, i) => optionGlobs(x, rest, [...at, key, i], out));
}

/** Every glob of a layer that would cost too much to match, as an error at its line. */
function checkLayerGlobs(p: ParsedLayer, errors: PolicyError[]): void {
  const { raw, layer } = p;
  const found: Array<{ path: (string | number)[]; glob: string }> = [];
  const list = (v: unknown, path: (string | number)[]): void => optionGlobs(v, [], path, found);
  list(raw.ignore, ['ignore']);
  for (const [id, v] of Object.entries(raw.rules ?? {})) {
    if (!v || typeof v !== 'object') continue;
    list(v.paths, ['rules', id, 'paths']);
    list(v.ignore, ['rules', id, 'ignore']);
    for (const spec of GLOB_OPTIONS.get(id) ?? []) optionGlobs(v.options, spec.split('.'), ['rules', id, 'options'], found);
  }
  (raw.exceptions ?? []).forEach((e, i) => list(e?.path, ['exceptions', i, 'path']));
  for (const { path, glob } of found) {
    const problem = checkGlob(glob);
    if (problem) errors.push({ source: layer.source, ...p.at(path), message: problem.message, fix: problem.fix });
  }
}

/** The deepest existing node on `path` (or the key node of its last segment). */
function nodeAt(doc: Document, path: readonly (string | number)[], key: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let last: Node | undefined = doc.contents ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return last;
      if (key && i === path.length - 1) return pair.key as Node;
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      node = (node as { items: unknown[] }).items[Number(seg)];
    } else return last;
    if (node && typeof node === 'object' && 'range' in node) last = node as Node;
  }
  return last;
}

function parseSize(v: number | string): number {
  if (typeof v === 'number') return v;
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*([kKmMgG]?)/.exec(v)!;
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * mult);
}

function checkSemantics(p: ParsedLayer, known: readonly string[], today: Date, maxDays: number, errors: PolicyError[]): void {
  const { raw, layer } = p;
  for (const id of Object.keys(raw.rules ?? {})) {
    if (!known.includes(id)) {
      const guess = closest(id, known);
      errors.push({
        source: layer.source,
        ...p.at(['rules', id], true),
        message: `Unknown rule \`${id}\`.`,
        fix: guess ? `Did you mean \`${guess}\`? Run \`tokenwarden rules\` for the list.` : 'Run `tokenwarden rules` for the list of rule ids.',
      });
    }
  }
  const todayIso = today.toISOString().slice(0, 10);
  const horizon = new Date(today.getTime() + maxDays * 86_400_000).toISOString().slice(0, 10);
  (raw.exceptions ?? []).forEach((e, i) => {
    if (e.rule && !e.rule.includes('*') && e.rule.includes('/') && !known.includes(e.rule)) {
      errors.push({
        source: layer.source,
        ...p.at(['exceptions', i, 'rule']),
        message: `Exception names unknown rule \`${e.rule}\`.`,
        fix: `Use a rule id from \`tokenwarden rules\`${closest(e.rule, known) ? ` (did you mean \`${closest(e.rule, known)}\`?)` : ''}.`,
      });
    }
    if (e.expires > horizon) {
      errors.push({
        source: layer.source,
        ...p.at(['exceptions', i, 'expires']),
        message: `Exception expires ${e.expires}, more than ${maxDays} days ahead (settings.max_exception_days).`,
        fix: `Set \`expires\` on or before ${horizon} and renew it when it lapses.`,
      });
    }
    void todayIso;
  });
}

/**
 * Resolve layers in precedence order, lowest first (org before repo). Each layer may `extends` built-in
 * packs; a layer without `extends` starts from `default`. Locks set by a layer bind every layer after it.
 */
export function resolvePolicy(layers: PolicyLayer[], opts: ResolveOptions = {}): PolicyResult {
  const errors: PolicyError[] = [];
  const warnings: PolicyError[] = [];
  const today = opts.today ?? new Date();
  const known = opts.knownRules ?? allRules.map((r) => r.meta.id);

  const parsed: ParsedLayer[] = [];
  for (const layer of layers) {
    const p = parseLayer(layer, errors);
    if (!p) continue;
    const shape = validatePolicyShape(p.raw);
    for (const v of shape) {
      errors.push({ source: layer.source, ...p.at(v.path, v.atKey), message: v.message, fix: v.fix });
    }
    if (!shape.length) checkLayerGlobs(p, errors);
    parsed.push(p);
  }
  if (errors.length) return { ok: false, errors };

  // Built-in packs first (each pack's own `extends` before it), then the given layers.
  const packLayers: ParsedLayer[] = [];
  const seen = new Set<string>();
  const addPack = (name: string, chain: string[]): void => {
    if (seen.has(name)) return;
    if (chain.includes(name)) throw new Error(`policy pack cycle: ${[...chain, name].join(' → ')}`);
    const layer = { source: `built-in:${name}`, text: readPack(name) };
    const p = (!opts.checkPacks && builtPack(layer)) || parseLayer(layer, errors);
    if (!p) return;
    if (opts.checkPacks) {
      const shape = validatePolicyShape(p.raw);
      for (const v of shape) errors.push({ source: layer.source, ...p.at(v.path, v.atKey), message: v.message, fix: v.fix });
      if (!shape.length) checkLayerGlobs(p, errors);
    }
    for (const parent of [p.raw.extends ?? []].flat()) addPack(parent, [...chain, name]);
    seen.add(name);
    packLayers.push(p);
  };
  for (const p of parsed) {
    const ext = p.raw.extends === undefined ? ['default'] : [p.raw.extends].flat();
    for (const name of ext) addPack(name, []);
  }
  if (layers.length === 0) addPack('default', []);
  if (errors.length) return { ok: false, errors };

  const policy = basePolicy();
  policy.sources = [];
  for (const p of [...packLayers, ...parsed]) {
    mergeLayer(policy, p, warnings);
    policy.sources.push(p.layer.source);
  }
  const maxDays = exceptionDays(packLayers, parsed);
  for (const p of parsed) checkSemantics(p, known, today, maxDays, errors);
  for (const p of packLayers) checkSemantics(p, known, today, maxDays, errors);
  if (errors.length) return { ok: false, errors };
  policy.hash = hashPolicy(policy);
  return { ok: true, policy, warnings };
}

function exceptionDays(...groups: ParsedLayer[][]): number {
  let days = 365;
  let locked = false;
  for (const p of groups.flat()) {
    const d = p.raw.settings?.max_exception_days;
    // After a layer that locks anything, the horizon may only shrink.
    if (d !== undefined && (!locked || d < days)) days = d;
    if (p.raw.lock?.length) locked = true;
  }
  return days;
}

function mergeLayer(policy: ResolvedPolicy, p: ParsedLayer, warnings: PolicyError[]): void {
  const { raw, layer } = p;
  const locked = policy.locked;
  const warnLocked = (path: (string | number)[], what: string): void => {
    warnings.push({
      source: layer.source,
      ...p.at(path, true),
      message: `${what} is locked by ${policy.sources.join(', ')}; this setting cannot weaken it and was not applied.`,
      fix: 'Remove it, or ask the org admins to change the org policy.',
    });
  };
  // Under a lock (an earlier layer locked something), the settings that decide what every rule sees
  // may only be tightened: otherwise a repository could switch a locked rule off sideways.
  const underLock = locked.length > 0;
  const s = raw.settings ?? {};
  if (s.max_file_size !== undefined) {
    const bytes = parseSize(s.max_file_size);
    if (underLock && bytes < policy.settings.maxFileBytes) warnLocked(['settings', 'max_file_size'], 'The file size limit');
    else policy.settings.maxFileBytes = bytes;
  }
  if (s.min_confidence) {
    if (underLock && CONFIDENCE_RANK[s.min_confidence] > CONFIDENCE_RANK[policy.settings.minConfidence]) warnLocked(['settings', 'min_confidence'], 'The minimum confidence');
    else policy.settings.minConfidence = s.min_confidence;
  }
  if (s.incomplete_scan) {
    if (underLock && VERDICT_RANK[s.incomplete_scan] < VERDICT_RANK[policy.settings.incompleteScan]) warnLocked(['settings', 'incomplete_scan'], 'The incomplete-scan verdict');
    else policy.settings.incompleteScan = s.incomplete_scan;
  }
  if (s.decode_encoded !== undefined) {
    if (underLock && !s.decode_encoded && policy.settings.decodeEncoded) warnLocked(['settings', 'decode_encoded'], 'Decoding of encoded secrets');
    else policy.settings.decodeEncoded = s.decode_encoded;
  }
  for (const [fam, level] of Object.entries(raw.families ?? {}) as [keyof ResolvedPolicy['families'], Level | 'auto'][]) {
    const current = policy.families[fam];
    // A locked family may only be made `fail`, whatever it was (`auto` included).
    if (isLocked(locked, fam) && level !== current && level !== 'fail') warnLocked(['families', fam], `Family \`${fam}\``);
    else policy.families[fam] = level;
  }
  for (const [sev, level] of Object.entries(raw.severity_levels ?? {}) as [keyof ResolvedPolicy['severityLevels'], Level][]) {
    if (underLock && LEVEL_RANK[level] < LEVEL_RANK[policy.severityLevels[sev]]) warnLocked(['severity_levels', sev], `The level of ${sev} findings`);
    else policy.severityLevels[sev] = level;
  }
  for (const [id, value] of Object.entries(raw.rules ?? {})) {
    const next: RulePolicy = typeof value === 'string' ? { level: value } : { ...value };
    const prev = policy.rules[id] ?? {};
    if (isLocked(locked, id)) {
      if (next.level && prev.level && LEVEL_RANK[next.level] < LEVEL_RANK[prev.level]) {
        warnLocked(['rules', id], `Rule \`${id}\``);
        delete next.level;
      } else if (next.level === 'off' || next.level === 'warn') {
        warnLocked(['rules', id], `Rule \`${id}\``);
        delete next.level;
      }
      if (next.ignore?.length || next.paths?.length) {
        warnLocked(['rules', id], `Path scoping of rule \`${id}\``);
        delete next.ignore;
        delete next.paths;
      }
      if (next.options) {
        warnLocked(['rules', id], `The options of rule \`${id}\``);
        delete next.options;
      }
    }
    policy.rules[id] = {
      ...prev,
      ...next,
      ...(prev.options || next.options ? { options: { ...prev.options, ...next.options } } : {}),
    };
  }
  // Globs and exceptions declared under a lock do not reach the locked rules (the scanner enforces it).
  if (underLock) {
    if (raw.ignore?.length) policy.softIgnore = [...(policy.softIgnore ?? []), ...raw.ignore];
  } else policy.ignore.push(...(raw.ignore ?? []));
  for (const e of raw.exceptions ?? []) {
    const ex: PolicyException = { justification: e.justification, approvedBy: e.approved_by, expires: e.expires, source: layer.source };
    if (underLock) ex.notFor = [...locked];
    if (e.fingerprint) ex.fingerprint = e.fingerprint;
    if (e.rule) ex.rule = e.rule;
    if (e.path) ex.path = e.path;
    policy.exceptions.push(ex);
  }
  if (raw.issues) {
    const next: IssuePolicy = { ...raw.issues };
    // A locked family keeps its remediation issues, and a locked `secrets` keeps where they are routed.
    for (const fam of ['secrets', 'scopes', 'rotation'] as const) {
      const current = policy.issues?.[fam] ?? DEFAULT_ISSUE_POLICY[fam];
      if (next[fam] === false && current && isLocked(locked, fam)) {
        warnLocked(['issues', fam], `Remediation issues for \`${fam}\``);
        delete next[fam];
      }
    }
    if (next.repository !== undefined && next.repository !== policy.issues?.repository && isLocked(locked, 'secrets')) {
      warnLocked(['issues', 'repository'], 'The remediation issue repository');
      delete next.repository;
    }
    policy.issues = { ...policy.issues, ...next };
  }
  if (raw.secrets) {
    const next: SecretsPolicy = { ...raw.secrets };
    // An org that locks `secrets` (or a GitHub token rule) and turns revocation on keeps it on.
    const lockedHere = isLocked(locked, 'secrets') || isLocked(locked, 'secrets/github-token') || isLocked(locked, 'secrets/github-fine-grained-pat');
    if (next.revoke === false && policy.secrets?.revoke && lockedHere) {
      warnLocked(['secrets', 'revoke'], 'Revocation of leaked GitHub tokens');
      delete next.revoke;
    }
    policy.secrets = { ...policy.secrets, ...next };
  }
  if (raw.backfill) {
    const next: BackfillPolicy = {};
    if (raw.backfill.history !== undefined) next.history = raw.backfill.history;
    if (raw.backfill.max_commits !== undefined) next.maxCommits = raw.backfill.max_commits;
    // An org that locks `secrets` and reads history keeps reading it, at least as deep.
    if (isLocked(locked, 'secrets')) {
      if (next.history === false && policy.backfill?.history) {
        warnLocked(['backfill', 'history'], 'Reading the history in the backfill');
        delete next.history;
      }
      const depth = policy.backfill?.maxCommits ?? DEFAULT_BACKFILL_POLICY.maxCommits;
      if (next.maxCommits !== undefined && next.maxCommits < depth && policy.backfill?.history) {
        warnLocked(['backfill', 'max_commits'], 'The depth of the history read in the backfill');
        delete next.maxCommits;
      }
    }
    policy.backfill = { ...policy.backfill, ...next };
  }
  for (const l of raw.lock ?? []) if (!locked.includes(l)) locked.push(l);
}

function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, stable((v as Record<string, unknown>)[k])]),
    );
  return v;
}

export function hashPolicy(policy: ResolvedPolicy): string {
  const { hash: _h, sources: _s, ...rest } = policy;
  return createHash('sha256')
    .update(JSON.stringify(stable(rest)))
    .digest('hex');
}

export function formatPolicyError(e: PolicyError): string {
  return `${e.source}:${e.line}:${e.column}: ${e.message}\n  fix: ${e.fix}`;
}

export { PACK_NAMES };
