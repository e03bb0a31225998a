/**
 * Helpers of the workflow rules. The workflow model itself (`loadWorkflow`, `Workflow`, `Job`, `Step`
 * …) lives in `model/workflow.ts`, shared with the token inventory; it is re-exported here.
 */
import type { RawFinding } from '../../../rule.js';
import type { Severity, Confidence } from '../../../finding.js';
import type { YamlDoc, YamlNode } from '../../../parse/yaml.js';
import { LineIndex } from '../../../lines.js';
import { TOKEN_SCOPES, type Access } from './github-permissions.js';
import type { PermissionsDecl, Step } from '../../../model/workflow.js';

export {
  WORKFLOW_FILE,
  isYamlPath,
  isWorkflowPath,
  isActionPath,
  loadWorkflow,
  loadAction,
  loadUnit,
  allSteps,
  readPermissions,
  isReusableOnly,
  effectivePermissions,
  expressionsIn,
  type ScopeGrant,
  type PermissionsDecl,
  type Step,
  type Job,
  type Workflow,
  type CompositeAction,
  type Expression,
} from '../../../model/workflow.js';

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

/**
 * What a `uses:` names: an action or reusable workflow of this repository — `./path` (the checked-out
 * workspace) or `$/path`, GitHub's self-repository form (this repository at the running commit, no
 * checkout needed; changelog 2026-07-30) — a Docker image, or `owner/repo[/path]@ref`.
 */
export function parseUses(uses: string): ParsedUses {
  const u = uses.trim();
  if (u.startsWith('./') || u.startsWith('../') || u.startsWith('$/')) return { kind: 'local' };
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
