/**
 * Which secrets the workflows of a repository use, and where: `${{ secrets.X }}` and
 * `${{ secrets['X'] }}` in any value (`if:` conditions are expressions without the braces), with the
 * job and its `environment:`; secrets declared by a reusable workflow (`on.workflow_call.secrets`) are
 * the caller's inputs, not repository secrets — unless a caller hands it `secrets: inherit`, which
 * makes every secret it names a repository secret used at that call. `GITHUB_TOKEN` is not counted.
 * Workflows are read through the workflow model (`model/workflow.ts`) the workflow rules use, so both
 * agree on which file is a workflow, its jobs and their environments.
 */
import { expressionsIn, isReusableOnly, loadWorkflow, WORKFLOW_FILE, isWorkflowPath } from '../model/workflow.js';
import { isLimitExceeded } from '../limits.js';
import type { SecretReference, SecretReferences } from './types.js';

/** `.github/workflows/<name>.yml|yaml`: where GitHub reads workflows (the workflow model's definition). */
export { WORKFLOW_FILE };
export const isWorkflowFile = isWorkflowPath;

const NAMED = /(?<![\w.-])secrets\s*\.\s*([A-Za-z_][A-Za-z0-9_-]*)|(?<![\w.-])secrets\s*\[\s*'((?:[^']|'')*)'\s*\]/gi;
const WHOLE = /\btojson\s*\(\s*secrets\s*\)/i;
const INDEX = /(?<![\w.-])secrets\s*\[(?!\s*'(?:[^']|'')*'\s*\])/i;
const CHEAP = /secrets/i;

interface FileRefs {
  path: string;
  /** Only `workflow_call` triggers it. */
  callOnly: boolean;
  /** Upper-cased names under `on.workflow_call.secrets`. */
  declared: Set<string>;
  refs: SecretReference[];
  open: SecretReferences['open'];
  /** Local reusable workflows called with `secrets: inherit`. */
  inherits: Array<{ target: string; line: number; column: number; job: string }>;
}

/** Resolve `./.github/workflows/x.yml` against the caller's repository root (the caller's path prefix). */
function localTarget(callerPath: string, uses: string): string | undefined {
  const m = /^\.\/(\.github\/workflows\/[^@/]+\.ya?ml)$/i.exec(uses.trim());
  if (!m) return undefined;
  const prefix = callerPath.slice(0, callerPath.search(/\.github\/workflows\//i));
  return prefix + m[1]!;
}

function scanFile(path: string, text: string): FileRefs | undefined {
  if (!CHEAP.test(text)) return { path, callOnly: false, declared: new Set(), refs: [], open: [], inherits: [] };
  const wf = loadWorkflow({ path, text });
  if (!wf) return undefined;
  const { doc, root } = wf;
  const declared = new Set(wf.callSecrets.map((s) => s.toUpperCase()));
  const out: FileRefs = { path, callOnly: isReusableOnly(wf), declared, refs: [], open: [], inherits: [] };

  const visit = (node: typeof root | undefined, job?: string, environment?: string, skipKey?: string): void => {
    for (const ex of expressionsIn(doc, text, node, { bareIf: true, want: CHEAP, ...(skipKey !== undefined ? { skipKey } : {}) })) {
      const where = (offset: number): { line: number; column: number } => doc.file.pos(ex.start + offset);
      const ctx = { path, ...(job !== undefined ? { job } : {}), ...(environment !== undefined ? { environment } : {}) };
      if (WHOLE.test(ex.body)) out.open.push({ ...ctx, ...where(ex.body.search(WHOLE)), what: 'tojson' });
      const dyn = INDEX.exec(ex.body);
      if (dyn) out.open.push({ ...ctx, ...where(dyn.index), what: 'dynamic' });
      NAMED.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = NAMED.exec(ex.body))) {
        const name = m[1] ?? m[2]!.replace(/''/g, "'");
        if (name.toUpperCase() === 'GITHUB_TOKEN') continue;
        out.refs.push({ name, ...ctx, ...where(m.index), via: 'expression' });
      }
    }
  };

  // Everything outside `jobs:` (workflow `env:`, `run-name:` …), then job by job.
  visit(root, undefined, undefined, 'jobs');
  for (const job of wf.jobs) {
    visit(job.node, job.id, job.environment?.name);
    if (job.secretsInherit) {
      const p = doc.pos(job.secretsInherit.node) ?? { line: 1, column: 1 };
      const target = localTarget(path, job.uses ?? '');
      if (target) out.inherits.push({ target, ...p, job: job.id });
      else out.open.push({ path, ...p, job: job.id, what: 'inherit' });
    }
  }
  return out;
}

/**
 * The secrets a set of files uses (only workflow files under `.github/workflows/` are read; others
 * are ignored). Pure: pass the texts in. A workflow over a parser limit is listed in `notJudged`.
 */
export function referencedSecrets(files: Iterable<{ path: string; text: string }>): SecretReferences {
  const scanned = new Map<string, FileRefs>();
  const result: SecretReferences = { byName: new Map(), open: [], files: [] };
  for (const f of files) {
    if (!isWorkflowPath(f.path)) continue;
    result.files.push(f.path);
    let r: FileRefs | undefined;
    try {
      r = scanFile(f.path, f.text);
    } catch (e) {
      if (!isLimitExceeded(e)) throw e;
      (result.notJudged ??= []).push({ path: f.path, limit: e.inFile(f.path) });
      continue;
    }
    if (r) scanned.set(f.path, r);
  }
  /** Callee path → the calls that hand it `secrets: inherit` (with the caller's path). */
  const inheritedBy = new Map<string, Array<{ caller: string; line: number; column: number; job: string }>>();
  for (const r of scanned.values()) {
    for (const call of r.inherits) {
      if (!scanned.has(call.target)) {
        // A local workflow we cannot read: it may use any secret.
        result.open.push({ path: r.path, line: call.line, column: call.column, job: call.job, what: 'inherit' });
        continue;
      }
      let list = inheritedBy.get(call.target);
      if (!list) inheritedBy.set(call.target, (list = []));
      list.push({ caller: r.path, line: call.line, column: call.column, job: call.job });
    }
  }
  const add = (ref: SecretReference): void => {
    const k = ref.name.toUpperCase();
    let list = result.byName.get(k);
    if (!list) result.byName.set(k, (list = []));
    list.push(ref);
  };
  for (const r of scanned.values()) {
    result.open.push(...r.open);
    const callers = inheritedBy.get(r.path) ?? [];
    for (const ref of r.refs) {
      // A reusable workflow's declared secrets are its caller's inputs, unless a caller inherits.
      if (r.callOnly && r.declared.has(ref.name.toUpperCase()) && !callers.length) continue;
      add(ref);
    }
    const names = new Set<string>();
    for (const ref of r.refs) {
      const k = ref.name.toUpperCase();
      if (names.has(k)) continue;
      names.add(k);
      for (const c of callers) add({ name: ref.name, path: c.caller, line: c.line, column: c.column, job: c.job, via: 'inherited' });
    }
  }
  return result;
}

/** The references of a map or of a `SecretReferences`. */
export function referenceMap(r: SecretReferences | ReadonlyMap<string, SecretReference[]>): ReadonlyMap<string, SecretReference[]> {
  return r instanceof Map ? r : (r as SecretReferences).byName;
}
