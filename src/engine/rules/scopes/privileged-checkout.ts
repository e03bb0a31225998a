/**
 * A "pwn request": a workflow on a privileged trigger (`pull_request_target`, `workflow_run`,
 * `issue_comment`) — which runs with secrets and, by default, a read/write GITHUB_TOKEN — checks out the
 * pull request's head (fork) code. Any build, test or install script in that code then runs with the
 * token and the secrets. Low where an `if:` lets only pull requests from this repository through (a
 * Renovate job tidying its own branches): still worth knowing, since the guard is all that keeps forks out.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { PRIVILEGED_EXECUTION } from './lib/controls.js';
import { PRIVILEGED_TRIGGERS } from './lib/github-permissions.js';
import { at, effectivePermissions, grantsWrite, input, isYamlPath, loadWorkflow, usesAction, withoutPeerIgnored, type Job, type Workflow } from './lib/workflow.js';

/** Expressions that name the untrusted head of a pull request (or of the run that triggered us). */
const HEAD_REF = [
  /github\.event\.pull_request\.head\.(?:sha|ref|label|repo)/i,
  /github\.head_ref\b/i,
  /github\.event\.pull_request\.merge_commit_sha/i,
  // Any ref taken from the triggering run (`head_sha`, `head_branch`, `pull_requests[0].head.sha`…).
  /github\.event\.workflow_run\b/i,
  /refs\/pull\/[^'"\n]*?\/(?:head|merge)\b/i,
];

/** Shell commands that fetch or check out a pull request's code. */
const SHELL_CHECKOUT = [
  /\bgh\s+pr\s+checkout\b/,
  /\bgit\s+(?:fetch|pull)\b[^\n]*\bpull\/[^\s]*\/(?:head|merge)\b/,
  /\bgit\s+(?:checkout|switch|reset\s+--hard)\b[^\n]*\$\{\{\s*github\.(?:event\.pull_request\.head\.(?:sha|ref)|head_ref|event\.workflow_run\.head_(?:sha|branch))/,
];

const describe = (triggers: string[]): string => triggers.map((t) => `\`${t}\``).join(', ');

/**
 * An `if:` that lets only pull requests from this repository through (`github.event.pull_request.head.repo
 * .full_name == github.repository`, `head.repo.fork == false`): fork code never reaches the job or step. Not
 * when the condition has an `||`, which may let a fork in by the other branch.
 */
const SAME_REPO =
  /github\.event\.(?:pull_request\.head\.repo|workflow_run\.head_repository)\.full_name\s*==\s*github\.repository\b|\bgithub\.repository\s*==\s*github\.event\.(?:pull_request\.head\.repo|workflow_run\.head_repository)\.full_name|github\.event\.(?:pull_request\.head\.repo|workflow_run\.head_repository)\.fork\s*==\s*false|!\s*github\.event\.(?:pull_request\.head\.repo|workflow_run\.head_repository)\.fork\b/;
function sameRepoOnly(condition: string | undefined): boolean {
  return condition !== undefined && !condition.includes('||') && SAME_REPO.test(condition);
}

function jobIsPrivileged(wf: Workflow, job: Job): boolean {
  const decl = effectivePermissions(wf, job);
  return !decl || grantsWrite(decl);
}

const rule: Rule = {
  meta: {
    id: 'scopes/privileged-checkout',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Privileged workflow (`pull_request_target`, `workflow_run`, `issue_comment`) checks out pull request head code',
    controls: [...PRIVILEGED_EXECUTION],
    remediation:
      'Do not check out the pull request head in a privileged workflow: build and test it in a `pull_request` workflow (no secrets, read-only token) and hand results over as an artifact, or check out the base (`github.event.pull_request.base.sha`) only; if a privileged step must read the PR, give that job `permissions: { contents: read }`, no secrets, and never run code from it.',
  },
  keywords: ['pull_request_target', 'workflow_run', 'issue_comment'],
  scope: 'file',
  appliesTo: isYamlPath,
  check(file) {
    const wf = loadWorkflow(file);
    if (!wf) return [];
    const privileged = wf.triggers.filter((t) => PRIVILEGED_TRIGGERS.has(t));
    if (!privileged.length) return [];
    const doc = wf.doc;
    const out: RawFinding[] = [];
    for (const job of wf.jobs) {
      const jobGuarded = sameRepoOnly(doc.str(doc.get(job.node, 'if')));
      const tokenText = jobIsPrivileged(wf, job) ? 'a token that can write' : 'the job’s token and secrets';
      for (const step of job.steps) {
        const guarded = jobGuarded || sameRepoOnly(doc.str(doc.get(step.node, 'if')));
        const severity = guarded ? 'low' : jobIsPrivileged(wf, job) ? 'critical' : 'high';
        const guard = guarded ? ' Its `if:` lets only pull requests from this repository through, so fork code does not reach it; keep it that way.' : '';
        if (usesAction(step.uses, 'actions/checkout') && !step.withIsExpression) {
          const ref = input(doc, step, 'ref');
          const repo = input(doc, step, 'repository');
          const bad =
            (ref?.value && HEAD_REF.some((re) => re.test(ref.value!)) ? ref : undefined) ??
            (repo?.value && /github\.event\.pull_request\.head\.repo|github\.event\.workflow_run\.head_repository/i.test(repo.value) ? repo : undefined);
          if (bad) {
            out.push(
              at(doc, bad.keyNode, {
                message: `Job \`${job.id}\` of a workflow run on ${describe(privileged)} checks out the pull request's code (\`${(bad.value ?? '').trim()}\`) with ${tokenText}: code from a fork then runs with its secrets.${guard}`,
                construct: `job:${job.id} checkout:${(bad.value ?? '').replace(/\s+/g, '')}`,
                severity,
              }),
            );
          }
        }
        if (step.run && step.runNode) {
          const hit = SHELL_CHECKOUT.find((re) => re.test(step.run!));
          if (hit) {
            out.push(
              at(doc, step.runNode, {
                message: `Job \`${job.id}\` of a workflow run on ${describe(privileged)} fetches the pull request's code in a \`run:\` step with ${tokenText}.${guard}`,
                construct: `job:${job.id} run-checkout:${step.index}`,
                severity,
                confidence: 'medium',
              }),
            );
          }
        }
      }
    }
    return withoutPeerIgnored(file.text, out, ['dangerous-triggers']);
  },
};

export default rule;
