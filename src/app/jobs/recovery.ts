/**
 * Nothing left in progress. Every check run the App starts is recorded in the store and forgotten when
 * its completion lands (src/app/effects/check-run-publisher.ts). At start-up and on a timer, every instance asks
 * the store for runs left in progress past a deadline (`claimStale`: each run to one instance) and:
 *
 * - leaves it alone while its job is queued or running: that job (retried after its worker died, its lease
 *   run out) adopts the run and completes it;
 * - forgets it when GitHub has it completed already (the process died between GitHub's answer and the
 *   store's write);
 * - otherwise judges the change again: a job like the one that started it (or, when that one is gone, a
 *   re-run of the commit that finds its pull request) is enqueued to adopt and complete this very run;
 * - and when such a recovery job ended without completing it, completes it as not judged (`failure`, with
 *   the reason): a run is finished once, never re-run for ever.
 *
 * The same timer prunes what the store no longer needs (settled deliveries, finished jobs, expired leases).
 */
import type { Logger } from 'probot';
import { CHECK_NAME, renderIncomplete } from '../../report/check-run.js';
import type { Job } from '../../store/types.js';
import type { Store } from '../../store/index.js';
import { errorFields } from '../errors.js';
import { checkRunStatus, parseFullName, updateCheckRun } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';
import { isJobPayload, JUDGE_QUEUE, type JobPayload } from './payload.js';
import { isRefusal } from './runner.js';

export interface RecoveryOptions {
  store: Pick<Store, 'checkRuns' | 'jobs' | 'instanceId' | 'prune'>;
  auth(installation: number): Promise<GitHubClient>;
  log: Logger;
  /** A run in progress longer than this, whose job is gone, is recovered (TOKENWARDEN_STALE_RUN_MS, default 10 min). */
  staleMs: number;
  /** How often to look (TOKENWARDEN_RECOVERY_INTERVAL_MS, default 60 s). */
  everyMs: number;
  /** How often to prune the store (default hourly). */
  pruneEveryMs?: number;
  now?: () => Date;
}

export interface RecoveryPass {
  /** Stale runs looked at. */
  stale: number;
  /** Left to their job (queued or running). */
  waiting: number;
  /** Completed on GitHub already: forgotten. */
  forgotten: number;
  /** A job enqueued to judge the change again and complete the run. */
  requeued: number;
  /** Completed as not judged. */
  completed: number;
  /** Could not be handled this time (the next pass tries again). */
  failed: number;
}

const ACTIVE = new Set<Job['state']>(['queued', 'running']);

export class RunRecovery {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;
  private lastPrune = 0;
  private stopped = false;

  constructor(private readonly o: RecoveryOptions) {}

  /** A pass now (in the background), then one every `everyMs`. */
  start(): this {
    this.stopped = false;
    this.kick();
    this.timer = setInterval(() => this.kick(), this.o.everyMs);
    this.timer.unref();
    return this;
  }

  /** No further passes; waits (up to `timeoutMs`) for the one running. */
  async stop(timeoutMs = 1000): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    let t: NodeJS.Timeout | undefined;
    if (this.current) await Promise.race([this.current, new Promise<void>((r) => (t = setTimeout(r, timeoutMs)))]);
    clearTimeout(t);
  }

  private kick(): void {
    if (this.current || this.stopped) return;
    this.current = this.pass()
      .catch((e: unknown) => this.o.log.error({ err: errorFields(e) }, 'check-run recovery failed; the next pass tries again'))
      .finally(() => (this.current = undefined));
  }

  /** One pass over the runs left in progress past the deadline. */
  async pass(): Promise<RecoveryPass> {
    const r: RecoveryPass = { stale: 0, waiting: 0, forgotten: 0, requeued: 0, completed: 0, failed: 0 };
    const { store, log } = this.o;
    const pruneEvery = this.o.pruneEveryMs ?? 60 * 60_000;
    if (Date.now() - this.lastPrune >= pruneEvery) {
      this.lastPrune = Date.now();
      const pruned = await store.prune().catch((e: unknown) => void log.warn({ err: errorFields(e) }, 'could not prune the store'));
      if (pruned && Object.values(pruned).some((n: number) => n > 0)) log.info({ pruned }, 'store pruned');
    }
    const runs = await store.checkRuns.claimStale(store.instanceId, this.o.staleMs);
    r.stale = runs.length;
    for (const run of runs) {
      if (this.stopped) break;
      const where = { repository: run.repository, sha: run.headSha, checkRunId: run.checkRunId, job: run.jobId ?? undefined };
      try {
        const job = run.jobId !== null ? await store.jobs.get(run.jobId) : undefined;
        if (job && ACTIVE.has(job.state)) {
          r.waiting++;
          continue;
        }
        const repo = parseFullName(run.repository);
        const gh = await this.o.auth(run.installation);
        const state = await checkRunStatus(gh, repo, run.headSha, run.checkRunId, run.name ?? CHECK_NAME).catch(() => undefined);
        if (state === 'completed') {
          await store.checkRuns.completed(run.checkRunId);
          r.forgotten++;
          log.info(where, 'check run left open in the store was completed on GitHub: forgotten');
          continue;
        }
        const original = job && isJobPayload(job.payload) ? job.payload : undefined;
        if (original?.recovers === run.checkRunId) {
          // Judged again once already, and that did not finish it: say so, and stop.
          await updateCheckRun(gh, repo, run.checkRunId, {
            status: 'completed',
            conclusion: 'failure',
            completed_at: (this.o.now?.() ?? new Date()).toISOString(),
            output: renderIncomplete(
              'the server stopped before it finished, and judging the change again did not finish either',
              'Nothing was judged, so this check fails rather than pass in silence. Re-run it from the Checks tab (or push again) to judge the change.',
            ),
          });
          await store.checkRuns.completed(run.checkRunId);
          r.completed++;
          log.warn(where, 'check run left in progress completed as not judged');
          continue;
        }
        const payload: JobPayload = original
          ? { ...withoutDelivery(original), recovers: run.checkRunId }
          : {
              v: 1,
              kind: 'rerun',
              event: 'recovery',
              installation: run.installation,
              repository: { owner: repo.owner, name: repo.repo },
              headSha: run.headSha,
              pullRequests: [],
              recovers: run.checkRunId,
            };
        const jobId = await store.jobs.enqueue({ queue: JUDGE_QUEUE, payload, groupKey: run.repository.toLowerCase(), dedupeKey: `recover:${run.checkRunId}` });
        // The new job owns the run now: it adopts it, and a later pass leaves it to that job.
        await store.checkRuns.opened({ installation: run.installation, repository: run.repository, headSha: run.headSha, checkRunId: run.checkRunId, owner: store.instanceId, name: run.name, jobId });
        r.requeued++;
        log.warn({ ...where, recoveryJob: jobId }, 'check run left in progress: judging the change again to complete it');
      } catch (e) {
        if (isRefusal(e)) {
          // The installation is gone, or the run (or its repository) is: nobody can complete it.
          await store.checkRuns.completed(run.checkRunId).catch(() => false);
          r.forgotten++;
          log.warn({ ...where, err: errorFields(e) }, 'check run left in progress cannot be completed (GitHub refused): forgotten');
          continue;
        }
        r.failed++;
        log.error({ ...where, err: errorFields(e) }, 'could not recover a check run left in progress; the next pass tries again');
      }
    }
    if (r.stale) log.info({ ...r }, 'check-run recovery pass');
    return r;
  }
}

function withoutDelivery(p: JobPayload): JobPayload {
  const { delivery: _delivery, ...rest } = p;
  return rest as JobPayload;
}
