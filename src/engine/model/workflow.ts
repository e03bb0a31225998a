/**
 * The one model of a GitHub Actions workflow (or composite action), read from YAML with positions:
 * triggers, `permissions:`, jobs (their `environment:`, a reusable-workflow call's `uses:` and
 * `secrets: inherit`) and steps, the secrets a reusable workflow declares (`on.workflow_call.secrets`),
 * and the `${{ }}` expressions of any part of it. Shared by the `scopes/workflow-*` and
 * `rotation/workflow-*` rules and by the token inventory's reader of secret references, so they agree
 * on which file is a workflow and what its jobs are. Parsing goes through the one-entry cache of
 * `parse/yaml.ts`, so every reader of one file parses it once; the model is built once per document.
 */
import type { FileView } from '../rule.js';
import { parseYaml, type YamlDoc, type YamlNode } from '../parse/yaml.js';

const ACTION_FILE = /(?:^|\/)action\.ya?ml$/i;
const YAML_FILE = /\.ya?ml$/i;

export const isYamlPath = (path: string): boolean => YAML_FILE.test(path);
/** `.github/workflows/<name>.yml|yaml`: where GitHub reads workflows (that folder, not sub-folders). */
export const WORKFLOW_FILE = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;
/** The one definition of a workflow file, for the rules and the token inventory alike. */
export const isWorkflowPath = (path: string): boolean => WORKFLOW_FILE.test(path);
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
  /** `secrets: inherit` at job level (beside `uses:`; read with or without it): the key and value nodes. */
  secretsInherit?: { keyNode: YamlNode | undefined; node: YamlNode };
  /**
   * The deployment `environment:` when it has a value: `environment: prod` and `environment: { name:
   * prod, url: … }` both give `name: 'prod'`; a mapping without `name` (or a non-string) gives no name.
   * Merge keys and aliases resolved. Absent for no key or `environment:` with nothing after it.
   */
  environment?: { name: string | undefined; keyNode: YamlNode | undefined; node: YamlNode };
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
  /** Secret names declared under `on.workflow_call.secrets` (as written), for a reusable workflow. */
  callSecrets: string[];
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
    const secrets = doc.entry(node, 'secrets');
    if (secrets?.value && doc.str(secrets.value) === 'inherit') job.secretsInherit = { keyNode: secrets.keyNode, node: secrets.value };
    const envEntry = doc.entry(node, 'environment');
    if (envEntry?.value && !doc.isNull(envEntry.value)) {
      const name = doc.str(envEntry.value) ?? doc.str(doc.get(envEntry.value, 'name'));
      job.environment = { name, keyNode: envEntry.keyNode, node: envEntry.value };
    }
    job.steps = readSteps(doc, doc.get(node, 'steps'));
    jobs.push(job);
  }

  const callSecrets = doc.entries(doc.get(on, 'workflow_call', 'secrets')).map((e) => e.key);
  const wf: Workflow = { kind: 'workflow', doc, root, onKeyNode: onEntry?.keyNode, triggers, triggerNodes, callSecrets, jobs, inWorkflowDir: inDir };
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

/** A `${{ … }}` expression (or a bare `if:` condition) in a workflow's source. */
export interface Expression {
  /** The text between `${{` and `}}` (the whole value for a bare `if:`). */
  body: string;
  /** Offset of `body` in the file's text (`doc.file.pos(start + i)` is where its `i`-th character is). */
  start: number;
  /** Keys from the walked node to the scalar holding it. */
  keys: Array<string | number>;
}

/** The scalars under `node`, aliases and merge keys resolved; `skipKey` of a mapping left out, unwalked. */
function* scalarsUnder(doc: YamlDoc, node: YamlNode | undefined, skipKey: string | undefined): Generator<{ node: YamlNode; path: Array<string | number> }> {
  if (skipKey === undefined || !doc.isMap(node)) {
    yield* doc.resolvedScalars(node);
    return;
  }
  for (const e of doc.entries(node)) if (e.key !== skipKey) yield* doc.resolvedScalars(e.value, [e.key]);
}

/**
 * The expressions in the scalars under `node`, in source order (a mapping's merged entries after its
 * own): `${{ … }}` in any value, and an `if:`
 * value without braces (GitHub reads it as an expression) when `bareIf`. `skipKey` leaves out one key of
 * `node` (the root's `jobs`, read job by job). Aliases (`*name`) and merge keys (`<<: *name`) are
 * followed, so a job is held to what it gets from an anchor written elsewhere (in another job, at the
 * top); such an expression's `start` is in the anchor's text, where it is written. Within one walk a
 * scalar is read once, however many times it is used. `want` skips scalars whose source does not match
 * (a cheap pre-filter).
 */
export function* expressionsIn(doc: YamlDoc, text: string, node: YamlNode | undefined, opts: { skipKey?: string; bareIf?: boolean; want?: RegExp } = {}): Generator<Expression> {
  const seen = new Set<unknown>();
  const seenAsIf = new Set<unknown>();
  for (const { node: scalar, path: keys } of scalarsUnder(doc, node, opts.skipKey)) {
    const range = (scalar as { range?: [number, number, number] }).range;
    if (!range) continue;
    const src = text.slice(range[0], range[1]);
    if (opts.want && !opts.want.test(src)) continue;
    if (opts.bareIf && keys[keys.length - 1] === 'if' && !src.includes('${{')) {
      if (seenAsIf.has(scalar)) continue;
      seenAsIf.add(scalar);
      yield { body: src, start: range[0], keys };
      continue;
    }
    if (seen.has(scalar)) continue;
    seen.add(scalar);
    let i = 0;
    while ((i = src.indexOf('${{', i)) !== -1) {
      const close = src.indexOf('}}', i + 3);
      if (close === -1) break;
      yield { body: src.slice(i + 3, close), start: range[0] + i + 3, keys };
      i = close + 2;
    }
  }
}
