/**
 * The evaluation's calls into the sandbox (src/sandbox/), with what a gate needs around them: a file
 * that exceeds a limit or crashes a worker is named, left out and listed as not judged, and the rest is
 * judged again without it — so a hostile file next to a leaked token costs that file, never the finding.
 */
import type { Skipped } from '../../engine/decode.js';
import type { Finding } from '../../engine/finding.js';
import type { PolicyLayer, PolicyResult } from '../../engine/policy/load.js';
import type { ResolvedPolicy } from '../../engine/policy/types.js';
import type { ScanResult, SourceFile } from '../../engine/scan.js';
import type { Side } from '../../engine/structural.js';
import { SandboxFailure, type Sandbox } from '../../sandbox/index.js';
import type { ScanInput } from '../../sandbox/tasks.js';

/** Files left out one by one before the rest is given up as not judged. */
const MAX_CULPRITS = 5;

const notJudged = (path: string, f: SandboxFailure): Skipped => ({ path, reason: 'limit', detail: `not judged: ${f.limit}` });

export interface Box {
  sandbox: Sandbox;
  /** Fairness key: the installation. */
  key: string;
  today: Date;
}

/** A policy that could not be loaded within the limits is a policy error (a failed check), with a fix. */
export async function boxedPolicy(box: Box, layers: PolicyLayer[], known: readonly string[]): Promise<PolicyResult> {
  try {
    return await box.sandbox.run(box.key, 'resolvePolicy', { layers, today: box.today.toISOString(), known });
  } catch (e) {
    if (!(e instanceof SandboxFailure)) throw e;
    const source = layers.find((l) => l.source === e.label)?.source ?? layers[layers.length - 1]?.source ?? '(policy)';
    return {
      ok: false,
      errors: [
        { source, line: 1, column: 1, message: `The policy could not be loaded: it ${e.limit}.`, fix: 'Keep the policy small and plain: no deep nesting, few anchors and aliases, simple globs.' },
      ],
    };
  }
}

/** Added lines (and whole files without a patch) through the secrets and other rules. */
export async function boxedScan(box: Box, input: Omit<ScanInput, 'today'>): Promise<ScanResult> {
  let files = input.files;
  const left: Skipped[] = [];
  let secretsOnly = false;
  for (let round = 0; ; round++) {
    try {
      const r = await box.sandbox.run(box.key, 'scan', { ...input, files, today: box.today.toISOString() });
      r.skipped.push(...left);
      return r;
    } catch (e) {
      if (!(e instanceof SandboxFailure)) throw e;
      const culprit = files.find((f) => f.source.path === e.label);
      if (culprit && round < MAX_CULPRITS) {
        left.push(notJudged(culprit.source.path, e));
        files = files.filter((f) => f !== culprit);
        continue;
      }
      if (!culprit && !secretsOnly) {
        // Not one file's fault (the cross-file phase): keep the secrets rules on every file, and say
        // which files the other rules did not judge.
        secretsOnly = true;
        for (const f of files) if (!f.secretsOnly) left.push(notJudged(f.source.path, e));
        files = files.map((f) => ({ ...f, secretsOnly: true }));
        continue;
      }
      // Too many files at fault: the rest is not judged, by name.
      return emptyResult([...input.skipped, ...left, ...files.map((f) => notJudged(f.source.path, e))]);
    }
  }
}

/**
 * Structural rules, head against base. When the whole does not finish, each changed file is tried
 * alone (without the repository view) to find the ones at fault; the rest is judged again without them.
 */
export async function boxedStructural(box: Box, policy: ResolvedPolicy, head: Side, base: Side): Promise<{ result: ScanResult; skipped: Skipped[] }> {
  const run = (h: Side, b: Side): Promise<ScanResult> => box.sandbox.run(box.key, 'structural', { policy, today: box.today.toISOString(), head: h, base: b });
  try {
    return { result: await run(head, base), skipped: [] };
  } catch (e) {
    if (!(e instanceof SandboxFailure)) throw e;
    const failure = e;
    const paths = new Set<string>([...head.files.keys(), ...(head.view?.keys() ?? []), ...(base.view?.keys() ?? [])]);
    const culprits: string[] = [];
    for (const p of paths) {
      const only = (side: Side): Side => ({ files: new Map([...side.files, ...(side.view ?? [])].filter(([k]) => k === p)) });
      try {
        await run(only(head), only(base));
      } catch (err) {
        if (!(err instanceof SandboxFailure)) throw err;
        culprits.push(p);
        if (culprits.length > MAX_CULPRITS) break;
      }
    }
    const skipped = culprits.map((p) => notJudged(p, failure));
    const drop = (side: Side): Side => {
      const keep = (m: ReadonlyMap<string, string>) => new Map([...m].filter(([k]) => !culprits.includes(k)));
      return { ...side, files: keep(side.files), ...(side.view ? { view: keep(side.view) } : {}) };
    };
    if (culprits.length && culprits.length <= MAX_CULPRITS) {
      try {
        return { result: await run(drop(head), drop(base)), skipped };
      } catch (err) {
        if (!(err instanceof SandboxFailure)) throw err;
      }
    }
    // Nobody alone is at fault (an interaction through the view), or too many: none of it is judged.
    return { result: emptyResult([]), skipped: [...head.files.keys()].map((p) => notJudged(p, failure)) };
  }
}

/** Findings (reported, and covered by an exception) in `files` under `policy`; undefined when not judged. */
export async function boxedFindings(box: Box, policy: ResolvedPolicy, files: SourceFile[]): Promise<{ reported: Finding[]; excepted: Finding[] } | undefined> {
  try {
    return await box.sandbox.run(box.key, 'findings', { policy, today: box.today.toISOString(), files });
  } catch (e) {
    if (e instanceof SandboxFailure) return undefined;
    throw e;
  }
}

function emptyResult(skipped: Skipped[]): ScanResult {
  return { findings: [], excepted: [], expired: [], suppressed: 0, baselined: 0, skipped, stats: { files: 0, bytes: 0 } };
}
