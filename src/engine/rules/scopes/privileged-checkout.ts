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
  /\bgit\s+(?:fetch|pull)\b[^\n]*\bpull\/(?:\$\{\{[^}\n]*\}\}|[^\s/])*\/(?:head|merge)\b/,
  /\bgit\s+(?:checkout|switch|reset\s+--hard)\b[^\n]*\$\{\{\s*github\.(?:event\.pull_request\.head\.(?:sha|ref)|head_ref|event\.workflow_run\.head_(?:sha|branch))/,
];

const describe = (triggers: string[]): string => triggers.map((t) => `\`${t}\``).join(', ');

/**
 * Commands that read files, talk to GitHub or print, and run nothing the checkout brought: git (its hooks
 * and filters are not versioned), gh, text and file tools. What a pull request can make run is a script,
 * a build file or a package manager's lifecycle hook: any other command counts as running it.
 */
const INERT_COMMANDS = new Set(
  (
    'git gh echo printf cat ls jq yq grep egrep fgrep sed awk head tail wc sort uniq cut tr test [ [[ true false exit ' +
    'export cd pwd mkdir cp mv rm touch diff cmp sha1sum sha256sum md5sum tee set basename dirname date sleep read ' +
    'shift local declare unset return break continue : stat realpath readlink tar unzip gzip zip curl wget if then ' +
    'else elif fi for do done while until case esac in { } ! ) ;;'
  ).split(' '),
);
/** Actions that do not run the workspace's code (artifacts, caches, comments, labels, tool set-up). */
const INERT_ACTIONS =
  /^(?:actions\/(?:upload-artifact|download-artifact|cache|labeler|setup-[\w-]+)|peter-evans\/(?:create-or-update-comment|find-comment)|marocchino\/sticky-pull-request-comment|thollander\/actions-comment-pull-request|mshick\/add-pr-comment)@/;

/** True when a shell script runs any command other than the inert ones above (`find -exec`, `xargs`, `bash x` do). */
function scriptRuns(script: string): boolean {
  // Command substitutions are commands too: `DIFF=$(git diff …)`.
  const subs = [...script.matchAll(/\$\(([^()]*)\)/g)].map((m) => m[1]!);
  const text = [script.replace(/\$\([^()]*\)/g, 'x'), ...subs].join('\n');
  for (const raw of text.split(/\n|&&|\|\||;|\|/)) {
    const words = raw.trim().split(/\s+/).filter(Boolean);
    while (words.length && (/^[A-Za-z_]\w*=/.test(words[0]!) || words[0] === 'sudo' || words[0] === 'time')) words.shift();
    const cmd = words[0];
    if (cmd === undefined || cmd.startsWith('#')) continue;
    if (cmd === 'find' && !words.some((w) => /^-(?:exec|execdir|ok|okdir)$/.test(w))) continue;
    if (!INERT_COMMANDS.has(cmd)) return true;
  }
  return false;
}

/** True when a step of `job` from index `from` on may run the checked-out code (`rest`: the checkout step's own script after the fetch). */
function laterStepsRun(doc: Workflow['doc'], job: Job, from: number, rest = ''): boolean {
  if (scriptRuns(rest)) return true;
  for (const step of job.steps) {
    if (step.index < from) continue;
    if (step.run !== undefined && scriptRuns(step.run)) return true;
    if (step.uses !== undefined) {
      if (step.uses.startsWith('./')) return true;
      // github-script runs the workflow's own script, unless that loads a file of the workspace.
      const script = usesAction(step.uses, 'actions/github-script') ? (input(doc, step, 'script')?.value ?? '') : undefined;
      if (script !== undefined ? /\b(?:require|import)\s*\(\s*['"`](?:\.|\$\{)/.test(script) : !INERT_ACTIONS.test(step.uses)) return true;
    }
  }
  return false;
}

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

/**
 * Outputs of each job that carry the pull request's head (`needs.<job>.outputs.<name>`): an output whose
 * expression names the head, or reads the outputs of a step that checked the pull request out or read its
 * head (keda's triage job: `gh pr checkout $PR` then `echo "commit_sha=$(git log -1 …)" >> $GITHUB_OUTPUT`).
 * A later job that checks that value out runs the fork's code as surely as one that names the head itself.
 */
function headOutputs(wf: Workflow): { jobs: Map<string, Set<string>>; steps: Map<Job, Map<string, Set<string> | 'all'>> } {
  const doc = wf.doc;
  const jobs = new Map<string, Set<string>>();
  const steps = new Map<Job, Map<string, Set<string> | 'all'>>();
  for (const job of wf.jobs) {
    const tainted = stepOutputs(doc, job);
    steps.set(job, tainted);
    const names = new Set<string>();
    for (const e of doc.entries(doc.get(job.node, 'outputs'))) {
      const v = doc.str(e.value) ?? '';
      if (HEAD_REF.some((re) => re.test(v)) || namesTaintedStep(v, tainted)) names.add(e.key);
    }
    if (names.size) jobs.set(job.id, names);
  }
  return { jobs, steps };
}

/** A value that reads the pull request's head: an expression, a REST response's `head.sha`, a shell `$HEAD_SHA`. */
const HEAD_VALUE = /\bhead\.(?:sha|ref)\b|\bhead_(?:sha|ref)\b|\bpull_request\.head\b|\$\{?PR_HEAD|\bHEAD_(?:SHA|REF)\b/i;

/**
 * The outputs of a job's steps that carry the head: every output of a step that checked the pull request
 * out (`'all'`), and the outputs a step sets from the head (github-script's `core.setOutput('head_sha',
 * pr.data.head.sha)`, `echo "head_sha=…" >> $GITHUB_OUTPUT`).
 */
function stepOutputs(doc: Workflow['doc'], job: Job): Map<string, Set<string> | 'all'> {
  const out = new Map<string, Set<string> | 'all'>();
  for (const step of job.steps) {
    const id = doc.str(doc.get(step.node, 'id'));
    if (!id) continue;
    if (step.run && (SHELL_CHECKOUT.some((re) => re.test(step.run!)) || HEAD_REF.some((re) => re.test(step.run!)))) {
      out.set(id, 'all');
      continue;
    }
    const src = step.run ?? (usesAction(step.uses, 'actions/github-script') ? (input(doc, step, 'script')?.value ?? '') : '');
    const names = new Set<string>();
    for (const m of src.matchAll(/\bsetOutput\(\s*['"`]([\w-]+)['"`]\s*,([^\n;]{0,200})/g)) if (HEAD_VALUE.test(m[2]!)) names.add(m[1]!);
    for (const m of src.matchAll(/\becho\s+["']?([\w-]+)=([^\n]{0,200})>>\s*"?\$\{?GITHUB_OUTPUT/g)) if (HEAD_VALUE.test(m[2]!) || HEAD_REF.some((re) => re.test(m[2]!))) names.add(m[1]!);
    if (names.size) out.set(id, names);
  }
  return out;
}

/** `steps.<id>.outputs.<name>` in `v` names an output that carries the head. */
function namesTaintedStep(v: string, tainted: Map<string, Set<string> | 'all'>): boolean {
  for (const m of v.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    const t = tainted.get(m[1]!);
    if (t === 'all' || t?.has(m[2]!)) return true;
  }
  return false;
}

/** `ref:` naming an output of an earlier job that carries the head (see headOutputs). */
function namesHeadOutput(ref: string, carried: ReturnType<typeof headOutputs>, job: Job): boolean {
  for (const m of ref.matchAll(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g)) if (carried.jobs.get(m[1]!)?.has(m[2]!)) return true;
  return namesTaintedStep(ref, carried.steps.get(job) ?? new Map<string, Set<string> | 'all'>());
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
    const carried = headOutputs(wf);
    for (const job of wf.jobs) {
      const jobGuarded = sameRepoOnly(doc.str(doc.get(job.node, 'if')));
      const tokenText = jobIsPrivileged(wf, job) ? 'a token that can write' : 'the job’s token and secrets';
      for (const step of job.steps) {
        const guarded = jobGuarded || sameRepoOnly(doc.str(doc.get(step.node, 'if')));
        // Fetched to be read (a diff, a list of changed files) and run by no later step: nothing of the fork
        // runs with the token today, but the next step added to the job would.
        const judge = (rest?: string): { severity: 'low' | 'medium' | 'high' | 'critical'; guard: string } => {
          if (guarded) return { severity: 'low', guard: ' Its `if:` lets only pull requests from this repository through, so fork code does not reach it; keep it that way.' };
          if (!laterStepsRun(doc, job, step.index + 1, rest))
            return {
              severity: 'medium',
              guard:
                ' No later step of the job runs it (only git, gh, text tools and actions that run no workspace code follow), so today it is only read: keep it that way, or read the change through the API instead.',
            };
          return { severity: jobIsPrivileged(wf, job) ? 'critical' : 'high', guard: '' };
        };
        if (usesAction(step.uses, 'actions/checkout') && !step.withIsExpression) {
          const ref = input(doc, step, 'ref');
          const repo = input(doc, step, 'repository');
          const bad =
            (ref?.value && (HEAD_REF.some((re) => re.test(ref.value!)) || namesHeadOutput(ref.value, carried, job)) ? ref : undefined) ??
            (repo?.value && /github\.event\.pull_request\.head\.repo|github\.event\.workflow_run\.head_repository/i.test(repo.value) ? repo : undefined);
          if (bad) {
            const { severity, guard } = judge();
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
          const hit = SHELL_CHECKOUT.map((re) => re.exec(step.run!)).find((m) => m !== null);
          if (hit) {
            const { severity, guard } = judge(step.run.slice(hit.index + hit[0].length).replace(/^[^\n&;|]*/, ''));
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
