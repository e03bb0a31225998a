/**
 * What a job carries: a compact, plain description of the event that the handlers need — ids, names,
 * shas, refs, numbers — and never the webhook body (no PR title or body, no commit messages, no file
 * names). It is stored in the job queue (at most 64 KiB of JSON; these are well under 2 KiB) and read
 * back by a worker, maybe in another process, maybe after a restart.
 *
 * `describeEvent` is the one place a verified webhook body is read for the queue: every field is checked
 * for its type and shape, strings are capped, and an event the App does nothing with (another app's check
 * run, a push to another branch, an action it does not judge) becomes no job at all.
 */
import { CHECK_NAME } from '../../report/check-run.js';
import { OPEN_ISSUES_ACTION } from '../effects/check-run-publisher.js';
import { describeInstallation } from './backfill.js';

/** The queue the App's jobs go to. */
export const JUDGE_QUEUE = 'judge';

/** Pull-request actions that are judged. */
export const PULL_REQUEST_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

export interface RepositoryRef {
  owner: string;
  name: string;
  /** Absent only in a recovery job whose original job was pruned (then read from GitHub). */
  defaultBranch?: string;
  htmlUrl?: string;
}

interface JobBase {
  /** Payload format version. */
  v: 1;
  /** `X-GitHub-Delivery` that enqueued it (none for a recovery job). */
  delivery?: string;
  /** `X-GitHub-Event` (`pull_request`, `push`, …; `recovery` for a job the recovery enqueued). */
  event: string;
  /** The event's action (`opened`, `rerequested`, …), if it has one. */
  action?: string;
  installation: number;
  repository: RepositoryRef;
  /**
   * Set on a job enqueued by the recovery of a check run left in progress: that run's id (the job adopts
   * it and completes it, rather than open a second one).
   */
  recovers?: number;
}

export interface PullRequestJob extends JobBase {
  kind: 'pull_request';
  pr: {
    number: number;
    headSha: string;
    headRef?: string;
    baseRef: string;
    baseSha?: string;
    author?: string;
    authorType?: string;
    changedFiles?: number;
  };
}

export interface PushJob extends JobBase {
  kind: 'push';
  push: {
    ref: string;
    before: string;
    after: string;
    created: boolean;
    deleted: boolean;
    forced: boolean;
    pusher?: string;
    sender?: { login: string; type?: string };
  };
}

export interface SuiteRef {
  headBranch: string | null;
  before: string | null;
  after: string | null;
}

export interface CheckRunJob extends JobBase {
  kind: 'check_run';
  action: 'rerequested' | 'requested_action';
  checkRun: { name: string; headSha: string; pullRequests: number[]; suite?: SuiteRef };
  requestedAction?: string;
}

export interface CheckSuiteJob extends JobBase {
  kind: 'check_suite';
  suite: SuiteRef & { headSha: string; pullRequests: number[] };
}

/** Judge a commit again (a check run left in progress whose original job is gone): find its PR or push. */
export interface RerunJob extends JobBase {
  kind: 'rerun';
  headSha: string;
  pullRequests: number[];
}

/**
 * The App was installed on repositories (`installation.created`, `installation_repositories.added`):
 * their default branches are scanned once (src/app/jobs/backfill.ts). The `plan` job names the account
 * (its `repository` is the account's `.github`, where the org policy lives) and the repositories; it
 * enqueues one `scan` job per repository, whose `repository` is that one.
 */
export interface BackfillJob extends JobBase {
  kind: 'backfill';
  backfill: { stage: 'plan'; repositories: string[]; /** More than fit in a job: list the installation's. */ listAll?: boolean } | { stage: 'scan' };
}

export type JobPayload = PullRequestJob | PushJob | CheckRunJob | CheckSuiteJob | RerunJob | BackfillJob;

/** A described event: the job to enqueue, and what the delivery record keeps. */
export interface DescribedEvent {
  payload: JobPayload;
  installation: number;
  /** `owner/name` as GitHub spells it. */
  repository: string;
  /** One running job per repository, across the fleet. */
  groupKey: string;
}

/** Why an event becomes no job (logged at info, never with the body). */
export interface Ignored {
  ignored: string;
}

export const fullNameOf = (r: RepositoryRef): string => `${r.owner}/${r.name}`;
export const groupKeyOf = (r: RepositoryRef): string => fullNameOf(r).toLowerCase();

// ── reading an untrusted body ───────────────────────────────────────────────────────────────────────

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const MAX_TEXT = 1024;
/** A non-empty string of at most `max` characters, else undefined. */
const text = (v: unknown, max = MAX_TEXT): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const sha = (v: unknown): string | undefined => (typeof v === 'string' && SHA.test(v) ? v : undefined);
const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);
const positive = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined);
/** GitHub logins and repository names: letters, digits, `-`, `_`, `.` (and `[bot]` for apps). */
const NAME = /^[A-Za-z0-9._-]{1,100}(\[bot\])?$/;
const name = (v: unknown): string | undefined => (typeof v === 'string' && NAME.test(v) ? v : undefined);
const URL_RE = /^https?:\/\/[^\s"<>]{1,500}$/;
/** PR numbers listed in a check run or suite (at most 100: GitHub lists a few). */
const numbers = (v: unknown): number[] =>
  Array.isArray(v)
    ? v
        .map((p) => positive(obj(p)?.number))
        .filter((n): n is number => n !== undefined)
        .slice(0, 100)
    : [];

function repositoryOf(body: Obj): RepositoryRef | undefined {
  const r = obj(body.repository);
  const owner = name(obj(r?.owner)?.login);
  const repo = name(r?.name);
  const defaultBranch = text(r?.default_branch, 255);
  if (!owner || !repo || !defaultBranch) return undefined;
  const htmlUrl = typeof r?.html_url === 'string' && URL_RE.test(r.html_url) ? r.html_url : undefined;
  return { owner, name: repo, defaultBranch, ...(htmlUrl ? { htmlUrl } : {}) };
}

function suiteOf(v: unknown): SuiteRef | undefined {
  const s = obj(v);
  if (!s) return undefined;
  return { headBranch: text(s.head_branch, 255) ?? null, before: sha(s.before) ?? null, after: sha(s.after) ?? null };
}

const ZERO = '0000000000000000000000000000000000000000';

/**
 * The job a verified event asks for, or why there is none. `event` is `X-GitHub-Event`; `body` the
 * parsed (signed) body.
 */
export function describeEvent(event: string, body: object, delivery?: string): DescribedEvent | Ignored {
  const b = body as Obj;
  const action = typeof b.action === 'string' ? b.action : undefined;
  const knownAction = action && /^[a-z_]{1,64}$/.test(action) ? action : undefined;
  if (event === 'installation' || event === 'installation_repositories') return describeInstallation(event, b, delivery);
  const handled = event === 'pull_request' || event === 'push' || event === 'check_run' || event === 'check_suite';
  if (!handled) return { ignored: `the App does not act on ${event} events` };
  const installation = positive(obj(b.installation)?.id);
  if (installation === undefined) return { ignored: 'no installation in the payload' };
  const repository = repositoryOf(b);
  if (!repository) return { ignored: 'no repository in the payload' };
  const base = { v: 1 as const, ...(delivery ? { delivery } : {}), event, ...(knownAction ? { action: knownAction } : {}), installation, repository };
  const done = (payload: JobPayload): DescribedEvent => ({ payload, installation, repository: fullNameOf(repository), groupKey: groupKeyOf(repository) });

  if (event === 'pull_request') {
    if (!(PULL_REQUEST_ACTIONS as readonly string[]).includes(action ?? '')) return { ignored: `pull_request.${action ?? '(none)'} is not judged` };
    const pr = obj(b.pull_request);
    const head = obj(pr?.head);
    const baseRef = obj(pr?.base);
    const number = positive(pr?.number);
    const headSha = sha(head?.sha);
    const ref = text(baseRef?.ref, 255);
    if (number === undefined || !headSha || !ref) return { ignored: 'pull_request payload without number, head sha or base ref' };
    const user = obj(pr?.user);
    const author = name(user?.login);
    const authorType = name(user?.type);
    const headRef = text(head?.ref, 255);
    const baseSha = sha(baseRef?.sha);
    const changedFiles = count(pr?.changed_files);
    return done({
      ...base,
      kind: 'pull_request',
      pr: {
        number,
        headSha,
        ...(headRef ? { headRef } : {}),
        baseRef: ref,
        ...(baseSha ? { baseSha } : {}),
        ...(author ? { author } : {}),
        ...(authorType ? { authorType } : {}),
        ...(changedFiles !== undefined ? { changedFiles } : {}),
      },
    });
  }

  if (event === 'push') {
    const ref = text(b.ref, 255);
    const before = sha(b.before);
    const after = sha(b.after);
    if (!ref || !before || !after) return { ignored: 'push payload without ref, before or after' };
    // Other branches reach the App as pull requests; tags and deletions add nothing to judge.
    if (ref !== `refs/heads/${repository.defaultBranch}`) return { ignored: 'push to a branch other than the default branch' };
    if (b.deleted === true || after === ZERO) return { ignored: 'push deleting the branch' };
    const pusher = text(obj(b.pusher)?.name, 100);
    const s = obj(b.sender);
    const senderLogin = name(s?.login);
    const senderType = name(s?.type);
    return done({
      ...base,
      kind: 'push',
      push: {
        ref,
        before,
        after,
        created: b.created === true,
        deleted: false,
        forced: b.forced === true,
        ...(pusher ? { pusher } : {}),
        ...(senderLogin ? { sender: { login: senderLogin, ...(senderType ? { type: senderType } : {}) } } : {}),
      },
    });
  }

  if (event === 'check_run') {
    if (action !== 'rerequested' && action !== 'requested_action') return { ignored: `check_run.${action ?? '(none)'} is not acted on` };
    const run = obj(b.check_run);
    const runName = text(run?.name, 255);
    const headSha = sha(run?.head_sha);
    if (!runName || !headSha) return { ignored: 'check_run payload without name or head sha' };
    // Another app's check run: not ours to re-run.
    if (runName !== CHECK_NAME) return { ignored: 'a check run of another app' };
    const requested = text(obj(b.requested_action)?.identifier, 100);
    if (action === 'requested_action' && requested !== OPEN_ISSUES_ACTION.identifier) return { ignored: 'an unknown requested action' };
    const suite = suiteOf(run?.check_suite);
    return done({
      ...base,
      kind: 'check_run',
      action,
      checkRun: { name: runName, headSha, pullRequests: numbers(run?.pull_requests), ...(suite ? { suite } : {}) },
      ...(requested ? { requestedAction: requested } : {}),
    });
  }

  // check_suite
  if (action !== 'rerequested') return { ignored: `check_suite.${action ?? '(none)'} is not acted on` };
  const s = obj(b.check_suite);
  const headSha = sha(s?.head_sha);
  if (!headSha) return { ignored: 'check_suite payload without head sha' };
  return done({ ...base, kind: 'check_suite', suite: { ...suiteOf(s)!, headSha, pullRequests: numbers(s?.pull_requests) } });
}

export const isIgnored = (d: DescribedEvent | Ignored): d is Ignored => 'ignored' in d;

/** `pull_request.opened`: the event and its action, as the delivery record keeps it. */
export const eventNameOf = (p: Pick<JobPayload, 'event' | 'action'>): string => (p.action ? `${p.event}.${p.action}` : p.event);

/** The commit a job judges (for logs and recovery). */
export function headShaOf(p: JobPayload): string {
  switch (p.kind) {
    case 'pull_request':
      return p.pr.headSha;
    case 'push':
      return p.push.after;
    case 'check_run':
      return p.checkRun.headSha;
    case 'check_suite':
      return p.suite.headSha;
    case 'rerun':
      return p.headSha;
    case 'backfill':
      return '';
  }
}

const KINDS = new Set(['pull_request', 'push', 'check_run', 'check_suite', 'rerun', 'backfill']);

/** A payload read back from the queue: the shape this code wrote (a newer release's is refused). */
export function isJobPayload(v: unknown): v is JobPayload {
  const p = obj(v);
  return !!p && p.v === 1 && KINDS.has(p.kind as string) && positive(p.installation) !== undefined && !!name(obj(p.repository)?.owner) && !!name(obj(p.repository)?.name);
}
