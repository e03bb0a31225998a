/**
 * The policy stage: the policy a change is judged by (read from the base, so a change cannot relax
 * its own check), what to say when it does not load, and — when the change edits the policy file — a
 * review of the proposed policy (does it load, what it changes, what it would report).
 */
import type { Finding } from '../../engine/finding.js';
import type { ScanResult, SourceFile } from '../../engine/scan.js';
import { decodeFile } from '../../engine/decode.js';
import type { PolicyError } from '../../engine/policy/load.js';
import type { ResolvedPolicy } from '../../engine/policy/types.js';
import type { PolicyChangeView } from '../../report/check-run.js';
import { SafeError } from '../errors.js';
import { BlobTooLarge, getBlob, readTextFile, type ChangedFile } from '../github/api.js';
import { describePolicyDiff } from './policy-diff.js';
import { isRepoPolicySource, layersOf, POLICY_PATH, readPolicySources, withProposed, type PolicySources } from './policy-source.js';
import { boxedFindings, boxedPolicy } from './boxed.js';
import type { Evaluation } from './types.js';

/** The policy file itself is read up to this size (a policy is a few KB). */
const MAX_POLICY_BYTES = 1024 * 1024;

export type PolicyStage = { ok: true; policy: ResolvedPolicy; warnings: PolicyError[]; sources: PolicySources } | { ok: false; errors: PolicyError[]; sources: PolicySources };

/** The org's and the repository's policy at the target's policy ref, merged and validated in the sandbox. */
export async function policyFor(ev: Evaluation): Promise<PolicyStage> {
  const sources = await readPolicySources(ev.gh, ev.target.repo, ev.target.policyRef);
  const resolved = await boxedPolicy(
    ev.box,
    layersOf(sources),
    ev.deps.rules.map((r) => r.meta.id),
  );
  return resolved.ok ? { ok: true, policy: resolved.policy, warnings: resolved.warnings, sources } : { ok: false, errors: resolved.errors, sources };
}

/**
 * With a broken base policy every pull request fails, including the one that repairs it: say whether
 * this one's policy file loads, so a maintainer can merge it with confidence (it is still not judged by it).
 */
export async function proposedRepair(ev: Evaluation, sources: PolicySources): Promise<string | undefined> {
  const { target } = ev;
  if (!target.pr) return undefined;
  const head = await readTextFile(ev.gh, target.repo, POLICY_PATH, target.headSha, MAX_POLICY_BYTES);
  if (head === undefined || head === sources.repo?.text) return undefined;
  const proposed = await boxedPolicy(
    ev.box,
    layersOf(withProposed(sources, target.repo, head)),
    ev.deps.rules.map((r) => r.meta.id),
  );
  return proposed.ok
    ? `This pull request changes \`${POLICY_PATH}\`, and the proposed policy loads: merging it repairs the check.`
    : `This pull request changes \`${POLICY_PATH}\`, but the proposed policy still has ${proposed.errors.length} error(s): ${proposed.errors.map((e) => `\`${e.source}:${e.line}:${e.column}\` ${e.message}`).join('; ')}`;
}

/** The change's policy file (edited, or renamed away), if it touches it. */
export const policyFileOf = (files: readonly ChangedFile[]): ChangedFile | undefined => files.find((f) => f.path === POLICY_PATH || (f.previousPath === POLICY_PATH && f.status === 'renamed'));

export interface PolicyReview {
  view: PolicyChangeView;
  /** The proposed policy, when it loads. */
  after?: ResolvedPolicy;
}

/** The proposed policy beside the base one: errors at their lines, what it changes, what it would report. */
export async function reviewPolicyChange(ev: Evaluation, sources: PolicySources, base: ResolvedPolicy, file: ChangedFile, scanned: SourceFile[], baseResult: ScanResult): Promise<PolicyReview> {
  const { gh, target, box } = ev;
  const count = (findings: readonly Finding[]) => ({ fail: findings.filter((f) => f.level === 'fail').length, warn: findings.filter((f) => f.level === 'warn').length });
  const view: PolicyChangeView = { path: POLICY_PATH, errors: [], warnings: [], changes: [], before: count(baseResult.findings) };
  let text: string | undefined;
  if (file.path === POLICY_PATH && file.status !== 'removed') {
    if (!file.sha) throw new SafeError(`GitHub did not give the blob of ${POLICY_PATH}`);
    let bytes: Uint8Array;
    try {
      bytes = await getBlob(gh, target.repo, file.sha, MAX_POLICY_BYTES, POLICY_PATH);
    } catch (e) {
      if (!(e instanceof BlobTooLarge)) throw e;
      view.errors.push({
        source: POLICY_PATH,
        line: 1,
        column: 1,
        message: `The policy file is larger than ${MAX_POLICY_BYTES} bytes.`,
        fix: 'A policy is a few kilobytes: remove what is not policy.',
      });
      return { view };
    }
    const d = decodeFile(POLICY_PATH, bytes, MAX_POLICY_BYTES);
    text = d.ok ? d.text : undefined;
    if (!d.ok || d.as) {
      view.errors.push({ source: POLICY_PATH, line: 1, column: 1, message: `The policy file is not UTF-8 text (${d.ok ? d.as : d.skipped.reason}).`, fix: 'Save it as UTF-8 YAML.' });
      return { view };
    }
  }
  const proposed = await boxedPolicy(
    box,
    layersOf(withProposed(sources, target.repo, text)),
    ev.deps.rules.map((r) => r.meta.id),
  );
  if (!proposed.ok) {
    view.errors = proposed.errors;
    return { view };
  }
  view.warnings = proposed.warnings.filter((w: PolicyError) => isRepoPolicySource(w.source, target.repo));
  view.changes = describePolicyDiff(base, proposed.policy);
  const after = await boxedFindings(box, proposed.policy, scanned);
  if (after) view.after = count(after.reported);
  return { view, after: proposed.policy };
}
