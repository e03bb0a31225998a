/**
 * Structural rules (scopes, rotation: every family but secrets) judge parsed files, and an excerpt of
 * added lines does not parse. So a change is judged by scanning the whole files at both sides with
 * the structural rules and keeping the head findings whose fingerprint the base does not have: what
 * the change adds or makes worse. Pure: callers (the App, the CLI's --diff/--staged) read the texts.
 */
import type { Finding } from './finding.js';
import { compareFindings } from './finding.js';
import { isInventoryPath, isWorkflowFile, RULE_IDS } from './inventory/index.js';
import type { RepoView, Rule } from './rule.js';
import { Scanner, type ScannerOptions, type ScanResult, type SourceFile, type Unjudged } from './scan.js';

export const isStructural = (r: Rule): boolean => r.meta.family !== 'secrets';

const CREDENTIAL_STATE: ReadonlySet<string> = new Set([RULE_IDS.missing, RULE_IDS.overdue, RULE_IDS.expiring]);

/** Source code, where a structural rule reads a few calls by keyword (CDK's `AdministratorAccess`), not the file's structure. */
const SOURCE_CODE = /\.(?:[cm]?[jt]sx?|py|java|kt|cs|go|rb|php|scala|swift|rs)$/i;

/**
 * Whether a structural rule applies to `path` (by the rule's own path filter). With `patch` (the change's
 * lines, added and removed), a source file counts only when they mention one of such a rule's keywords:
 * elsewhere its findings are the same at head and base, and reading every changed source file whole at
 * both sides cost a pull request two blob reads per file (91 of the 101 calls of a 100-file change).
 */
export function structuralApplies(rules: readonly Rule[], path: string, patch?: string): boolean {
  const code = patch !== undefined && SOURCE_CODE.test(path);
  let lower: string | undefined;
  return rules.some((r) => {
    if (!isStructural(r) || (r.appliesTo && !r.appliesTo(path))) return false;
    if (!code || !r.keywords.length) return true;
    lower ??= patch.toLowerCase();
    return r.keywords.some((k) => lower!.includes(k.toLowerCase()));
  });
}

/** A path cross-file rules read through the repository view (the inventory, workflows). */
export const inRepoView = (path: string): boolean => isInventoryPath(path) || isWorkflowFile(path);

/** One side of a change: whole texts of the changed files, and what cross-file rules may read. */
export interface Side {
  files: ReadonlyMap<string, string>;
  /** The inventory and workflow files at this side, when a cross-file rule needs them. */
  view?: ReadonlyMap<string, string>;
  /**
   * Other files cross-file rules may read but that are not judged themselves (the change did not touch
   * them): the Kubernetes roles a changed binding may refer to.
   */
  context?: ReadonlyMap<string, string>;
  /**
   * Set when the search that filled `context` stopped at a limit, saying so: a construct whose
   * counterpart is not found there is not judged (`RepoView.incomplete`), rather than passed.
   */
  contextIncomplete?: string;
}

export const repoViewOf = (texts: ReadonlyMap<string, string>, incomplete?: string): RepoView => {
  const paths = [...texts.keys()].sort();
  return { read: (p) => texts.get(p), paths: () => paths, ...(incomplete ? { incomplete } : {}) };
};

/** A scanner that has seen every file of the side (its result not taken yet). */
function scanSide(opts: ScannerOptions, side: Side): Scanner {
  const readable = side.view || side.context || side.contextIncomplete ? new Map([...(side.context ?? []), ...(side.view ?? [])]) : undefined;
  const s = new Scanner({ ...opts, ...(readable ? { repo: repoViewOf(readable, side.contextIncomplete) } : {}) });
  const files = new Map<string, string>(side.files);
  // Every file of the view is scanned too, so an inventory edit is judged against the workflows.
  for (const [p, t] of side.view ?? []) if (!files.has(p)) files.set(p, t);
  for (const [path, text] of files) s.scanFile({ path, text } satisfies SourceFile);
  return s;
}

const unjudgedKey = (u: Unjudged): string => `${u.ruleId}\0${u.path}\0${u.construct}`;

/** Head findings of the structural rules that the base does not have (exceptions applied at the head). */
export function structuralChange(opts: ScannerOptions, head: Side, base: Side): ScanResult {
  const o = { ...opts, rules: opts.rules.filter(isStructural) };
  const bs = scanSide(o, base);
  const b = bs.result();
  // A construct a cross-file rule could not judge at the head is listed unless the base had it too: the
  // same construct against the same unread files gets the same verdict at both sides, so it is not new.
  const had = new Set(bs.unjudged().map(unjudgedKey));
  const h = scanSide(o, head).result((u) => !had.has(unjudgedKey(u)));
  const before = new Set([...b.findings, ...b.excepted.map((e) => e.finding)].map((f) => f.fingerprint));
  // The state of the credentials (undeclared, overdue, expiring) is shown whole on a change that
  // touches them: a due date passes without any commit, and the reviewer of a credential change is
  // who should see it. Everything else is reported only when the change adds it or makes it worse.
  const isNew = (f: Finding): boolean => CREDENTIAL_STATE.has(f.ruleId) || !before.has(f.fingerprint);
  return {
    findings: h.findings.filter(isNew),
    excepted: h.excepted.filter((e) => isNew(e.finding)),
    expired: h.expired.filter((e) => isNew(e.finding)),
    suppressed: 0,
    baselined: h.baselined,
    skipped: h.skipped,
    // The files were counted by the scan of their added lines.
    stats: { files: 0, bytes: 0 },
  };
}

/** Two scans of one change as one result (findings sorted again). */
export function mergeResults(a: ScanResult, b: ScanResult): ScanResult {
  return {
    findings: [...a.findings, ...b.findings].sort(compareFindings),
    excepted: [...a.excepted, ...b.excepted],
    expired: [...a.expired, ...b.expired],
    suppressed: a.suppressed + b.suppressed,
    baselined: a.baselined + b.baselined,
    skipped: [...a.skipped, ...b.skipped],
    stats: { files: a.stats.files + b.stats.files, bytes: a.stats.bytes + b.stats.bytes },
  };
}
