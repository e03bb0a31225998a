/**
 * A GitHub Actions workflow (or composite action) read from YAML with positions: triggers, the
 * `permissions:` declarations, jobs and steps. Shared by the `scopes/workflow-*` rules; parsing goes
 * through the one-entry cache of `parse/yaml.ts`, so every rule on one file parses it once.
 */
import type { FileView, RawFinding } from '../../../rule.js';
import type { Severity, Confidence } from '../../../finding.js';
import { parseYaml, type YamlDoc, type YamlNode } from '../../../parse/yaml.js';
import { LineIndex } from '../../../lines.js';
import { TOKEN_SCOPES, type Access } from './github-permissions.js';
import { isWorkflowFile } from '../../../inventory/references.js';

const ACTION_FILE = /(?:^|\/)action\.ya?ml$/i;
const YAML_FILE = /\.ya?ml$/i;

export const isYamlPath = (path: string): boolean => YAML_FILE.test(path);
/**
 * `.github/workflows/<name>.yml|yaml` (GitHub reads only that folder, not sub-folders): the one
 * definition, shared with the token inventory's reader of secret references.
 */
export const isWorkflowPath = (path: string): boolean => isWorkflowFile(path);
export const isActionPath = (path: string): boolean => ACTION_FILE.test(path);

export interface ScopeGrant {
  name: string;
  /** The value as written (`read`, `write`, `none`, or anything else for the unknown-permission rule). */
  value: string | undefined;
  keyNode: YamlNode | undefined;
  valueNode: YamlNode | undefined;
}

export interface PermissionsDecl {
  /** The `permissions` key node (where findings point). */
  keyNode: YamlNode | undefined;
  valueNode: YamlNode | undefined;
  /**
   * `write-all` / `read-all`; `map` (explicit scopes, `{}` included); `empty` (`permissions:` with no
   * value — like `{}`, every scope none); `invalid` (any other value).
   */
  kind: 'write-all' | 'read-all' | 'map' | 'empty' | 'invalid';
  scopes: ScopeGrant[];
  /** For `invalid`: the value as written. */
  raw?: string;
}

export interface Step {
  node: YamlNode;
  index: number;
  uses?: string;
  usesNode?: YamlNode;
  /** The `with:` mapping (undefined when absent or when it is an expression). */
  withNode?: YamlNode;
  /** `with:` is a `${{ }}` expression: inputs cannot be analysed. */
  withIsExpression: boolean;
  run?: string;
  runNode?: YamlNode;
}

export interface Job {
  id: string;
  keyNode: YamlNode | undefined;
  node: YamlNode | undefined;
  permissions?: PermissionsDecl;
  /** A reusable-workflow call (`uses:` at job level). */
  uses?: string;
  usesNode?: YamlNode;
  steps: Step[];
}

export interface Workflow {
  kind: 'workflow';
  doc: YamlDoc;
  root: YamlNode;
  /** The `on` key node (or the root when absent). */
  onKeyNode: YamlNode | undefined;
  triggers: string[];
  triggerNodes: Map<string, YamlNode | undefined>;
  permissions?: PermissionsDecl;
  jobs: Job[];
  /** Found under `.github/workflows/` (always true: nothing else is read as a workflow). */
  inWorkflowDir: boolean;
}

export interface CompositeAction {
  kind: 'action';
  doc: YamlDoc;
  root: YamlNode;
  steps: Step[];
}

/** Several rules look at one file: its workflow model is built once per parsed document and path. */
const workflowCache = new WeakMap<YamlDoc, Map<string, Workflow | null>>();

/** The workflow in a file, or `undefined` (not a workflow, or not parseable). */
export function loadWorkflow(file: Pick<FileView, 'path' | 'text'>): Workflow | undefined {
  // Only what GitHub runs: a YAML file elsewhere with `on:` and `jobs:` is a test fixture, a template
  // or another tool's config (other tools' fixtures gave 15 times the findings of real workflows).
  const inDir = isWorkflowPath(file.path);
  if (!inDir) return undefined;
  const parsed = parseYaml(file.text);
  const doc = parsed?.first;
  const root = doc?.root;
  if (!doc || !root || !doc.isMap(root)) return undefined;
  let byPath = workflowCache.get(doc);
  if (!byPath) workflowCache.set(doc, (byPath = new Map<string, Workflow | null>()));
  const cached = byPath.get(file.path);
  if (cached !== undefined) return cached ?? undefined;
  const wf = buildWorkflow(doc, root, inDir);
  byPath.set(file.path, wf ?? null);
  return wf;
}

function buildWorkflow(doc: YamlDoc, root: YamlNode, inDir: boolean): Workflow | undefined {
  const jobsNode = doc.get(root, 'jobs');
  const onEntry = doc.entry(root, 'on');
  if (!inDir && (!onEntry || !doc.isMap(jobsNode))) return undefined;
  if (!doc.isMap(jobsNode) && !onEntry) return undefined;

  const triggers: string[] = [];
  const triggerNodes = new Map<string, YamlNode | undefined>();
  const on = onEntry?.value;
  if (doc.isMap(on)) {
    for (const e of doc.entries(on)) {
      triggers.push(e.key);
      triggerNodes.set(e.key, e.keyNode);
    }
  } else {
    for (const item of doc.isSeq(on) ? doc.items(on) : on ? [on] : []) {
      const s = doc.str(item);
      if (s) {
        triggers.push(s);
        triggerNodes.set(s, item);
      }
    }
  }

  const jobs: Job[] = [];
  for (const e of doc.entries(jobsNode)) {
    const node = e.value;
    const job: Job = { id: e.key, keyNode: e.keyNode, node, steps: [] };
    const perm = readPermissions(doc, node);
    if (perm) job.permissions = perm;
    const usesEntry = doc.entry(node, 'uses');
    const uses = doc.str(usesEntry?.value);
    if (uses !== undefined) {
      job.uses = uses;
      if (usesEntry?.value) job.usesNode = usesEntry.value;
    }
    job.steps = readSteps(doc, doc.get(node, 'steps'));
    jobs.push(job);
  }

  const wf: Workflow = { kind: 'workflow', doc, root, onKeyNode: onEntry?.keyNode, triggers, triggerNodes, jobs, inWorkflowDir: inDir };
  const perm = readPermissions(doc, root);
  if (perm) wf.permissions = perm;
  return wf;
}

/** The composite (or any) action in an `action.yml`, or `undefined`. */
export function loadAction(file: Pick<FileView, 'path' | 'text'>): CompositeAction | undefined {
  // Action metadata is `action.yml` / `action.yaml`, wherever the action lives in the repository.
  if (!isActionPath(file.path) || isWorkflowPath(file.path)) return undefined;
  const parsed = parseYaml(file.text);
  const doc = parsed?.first;
  const root = doc?.root;
  if (!doc || !root || !doc.isMap(root)) return undefined;
  const runs = doc.get(root, 'runs');
  if (!doc.isMap(runs) || doc.has(root, 'jobs')) return undefined;
  return { kind: 'action', doc, root, steps: readSteps(doc, doc.get(runs, 'steps')) };
}

/** Every step of a workflow's jobs or of a composite action, with its job. */
export function allSteps(unit: Workflow | CompositeAction): Array<{ step: Step; job?: Job }> {
  if (unit.kind === 'action') return unit.steps.map((step) => ({ step }));
  return unit.jobs.flatMap((job) => job.steps.map((step) => ({ step, job })));
}

/** The workflow or the composite action in a file. */
export function loadUnit(file: Pick<FileView, 'path' | 'text'>): Workflow | CompositeAction | undefined {
  return loadWorkflow(file) ?? loadAction(file);
}

function readSteps(doc: YamlDoc, stepsNode: YamlNode | undefined): Step[] {
  return doc.items(stepsNode).map((node, index) => {
    const step: Step = { node, index, withIsExpression: false };
    const usesEntry = doc.entry(node, 'uses');
    const uses = doc.str(usesEntry?.value);
    if (uses !== undefined) {
      step.uses = uses;
      if (usesEntry?.value) step.usesNode = usesEntry.value;
    }
    const withEntry = doc.entry(node, 'with');
    if (withEntry) {
      if (doc.isMap(withEntry.value)) step.withNode = withEntry.value;
      else if (/\$\{\{/.test(doc.str(withEntry.value) ?? '')) step.withIsExpression = true;
    }
    const runEntry = doc.entry(node, 'run');
    const run = doc.str(runEntry?.value);
    if (run !== undefined) {
      step.run = run;
      if (runEntry?.value) step.runNode = runEntry.value;
    }
    return step;
  });
}

/** The `permissions:` of a workflow root or a job, or `undefined` when the key is absent. */
export function readPermissions(doc: YamlDoc, owner: YamlNode | undefined): PermissionsDecl | undefined {
  const e = doc.entry(owner, 'permissions');
  if (!e) return undefined;
  const base = { keyNode: e.keyNode, valueNode: e.value };
  if (doc.isNull(e.value)) return { ...base, kind: 'empty', scopes: [] };
  if (doc.isMap(e.value)) {
    const scopes = doc.entries(e.value).map((s) => ({ name: s.key, value: doc.str(s.value), keyNode: s.keyNode, valueNode: s.value }));
    return { ...base, kind: 'map', scopes };
  }
  const s = doc.str(e.value);
  if (s === 'write-all' || s === 'read-all') return { ...base, kind: s, scopes: [] };
  return { ...base, kind: 'invalid', scopes: [], raw: s ?? doc.source(e.value) ?? '' };
}

/** Triggers that make this a reusable workflow only (callers decide its permissions). */
export function isReusableOnly(wf: Workflow): boolean {
  return wf.triggers.length > 0 && wf.triggers.every((t) => t === 'workflow_call');
}

/** The permissions a job runs with: its own, else the workflow's, else the repository default. */
export function effectivePermissions(wf: Workflow, job: Job): PermissionsDecl | undefined {
  return job.permissions ?? wf.permissions;
}

/** The access a declaration grants to one scope (`undefined` for the repository default). */
export function accessOf(decl: PermissionsDecl | undefined, scope: string): Access | undefined {
  if (!decl) return undefined;
  switch (decl.kind) {
    case 'write-all':
      return TOKEN_SCOPES[scope]?.values.includes('write') ? 'write' : 'read';
    case 'read-all':
      return 'read';
    case 'map': {
      const v = decl.scopes.find((s) => s.name === scope)?.value;
      return v === 'read' || v === 'write' ? v : 'none';
    }
    default:
      return 'none';
  }
}

/** Whether a declaration grants `write` on some scope (`write-all` included). */
export function grantsWrite(decl: PermissionsDecl | undefined): boolean {
  if (!decl) return false;
  return decl.kind === 'write-all' || (decl.kind === 'map' && decl.scopes.some((s) => s.value === 'write'));
}

export interface ParsedUses {
  kind: 'repo' | 'local' | 'docker';
  /** `owner/repo` lower-cased, for repo references. */
  slug?: string;
  /** Sub-path inside the repository (`analyze` of `github/codeql-action/analyze`), lower-cased. */
  subpath?: string;
  ref?: string;
}

export function parseUses(uses: string): ParsedUses {
  const u = uses.trim();
  if (u.startsWith('./') || u.startsWith('../')) return { kind: 'local' };
  if (u.startsWith('docker://')) return { kind: 'docker' };
  const at = u.indexOf('@');
  const path = (at === -1 ? u : u.slice(0, at)).toLowerCase();
  const parts = path.split('/');
  const out: ParsedUses = { kind: 'repo', slug: parts.slice(0, 2).join('/'), subpath: parts.slice(2).join('/') };
  if (at !== -1) out.ref = u.slice(at + 1);
  return out;
}

/** `uses` names the action `owner/repo[/path]` (any ref); `owner/repo` alone matches any sub-path too when `anyPath`. */
export function usesAction(uses: string | undefined, action: string, anyPath = false): boolean {
  if (!uses) return false;
  const p = parseUses(uses);
  if (p.kind !== 'repo') return false;
  const [o, r, ...rest] = action.toLowerCase().split('/');
  if (p.slug !== `${o}/${r}`) return false;
  return anyPath || p.subpath === rest.join('/');
}

/** A step input (`with.<name>`), as a string, and its node. */
export function input(doc: YamlDoc, step: Step, name: string): { value: string | undefined; node: YamlNode | undefined; keyNode: YamlNode | undefined } | undefined {
  const e = doc.entry(step.withNode, name);
  if (!e) return undefined;
  return { value: doc.str(e.value), node: e.value, keyNode: e.keyNode };
}

/** A `RawFinding` pointing at a node (its first character). */
export function at(doc: YamlDoc, node: YamlNode | undefined, f: { message: string; construct: string; severity?: Severity; confidence?: Confidence; remediation?: string }): RawFinding {
  const p = doc.pos(node) ?? { line: 1, column: 1 };
  const raw: RawFinding = { line: p.line, column: p.column, message: f.message, construct: f.construct };
  if (f.severity) raw.severity = f.severity;
  if (f.confidence) raw.confidence = f.confidence;
  if (f.remediation) raw.remediation = f.remediation;
  return raw;
}

/**
 * Honour zizmor's inline `# zizmor: ignore[audit]` markers for the audit a rule mirrors, so a repository
 * that triaged a finding with zizmor does not see it again here.
 */
export function peerIgnored(text: string, line: number, audits: readonly string[]): boolean {
  if (!text.includes('zizmor')) return false;
  if (!lineCache || lineCache.text !== text) lineCache = { text, index: new LineIndex(text) };
  const m = /#\s*zizmor:\s*ignore\[([^\]]*)\]/i.exec(lineCache.index.lineText(line - 1));
  if (!m) return false;
  const names = m[1]!.split(',').map((s) => s.trim().toLowerCase());
  return audits.some((a) => names.includes(a));
}

let lineCache: { text: string; index: LineIndex } | undefined;

/** Drop findings on lines carrying a peer-tool ignore marker for `audits`. */
export function withoutPeerIgnored(text: string, findings: RawFinding[], audits: readonly string[]): RawFinding[] {
  return findings.filter((f) => f.line === undefined || !peerIgnored(text, f.line, audits));
}

/** `a, b and c` */
export function list(items: readonly string[], conj = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}

/** `` `a` `` quoting for messages. */
export const code = (s: string): string => `\`${s}\``;
