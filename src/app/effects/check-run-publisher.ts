/**
 * The "Token Warden" check run's life: created in progress at once, then completed exactly once with
 * the conclusion, and annotations appended 50 per request. Completing first means a failure while
 * sending later batches can never leave the run in progress.
 *
 * A completion that GitHub refuses or cannot take right now (5xx, a hang, a rate limit) is tried again
 * with back-off, in the background, until it lands: a started run is always finished. A shutdown
 * (`drain`) completes every run still open within its deadline, as not judged.
 *
 * With a `RunLedger` (the store's open check runs), each run is recorded when it starts and forgotten when
 * its completion lands, so that a run left in progress by a crash or a `kill -9` is found and finished
 * after the restart (src/app/jobs/recovery.ts). A job's runs carry its mark in `external_id`, so that the
 * job retried after such a crash adopts the run its earlier attempt opened — even one the crash kept out
 * of the ledger — rather than open a second one.
 */
import { batches, CHECK_NAME, renderIncomplete, validAnnotation, validOutput, type CheckAnnotation, type CheckOutput, type Conclusion } from '../../report/check-run.js';
import { createCheckRun, fullName, listCheckRuns, status, updateCheckRun, type CheckRunAction, type CheckRunUpdate, type RepoRef, type UpdateOptions } from '../github/api.js';
import { describeError, errorFields, SafeError } from '../errors.js';
import { outsideBudget } from '../pipeline/budget.js';
import type { GitHubClient } from '../github/octokit.js';
import type { CheckRunRepository } from '../../store/types.js';

export interface Logger {
  info?(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Where the runs this process starts are recorded (the store's open check runs). */
export interface RunLedger {
  checkRuns: CheckRunRepository;
  /** This instance (the store's instanceId). */
  owner: string;
}

/** The job a run is started for. */
export interface RunJob {
  id: number;
  createdAt: Date;
  /** Claims of the job so far, this one included: above 1, an earlier attempt may have died mid-run. */
  claims: number;
  /** A recovery job: the run left in progress it is to complete. */
  recovers?: number;
}

/** Who a run is started for: its installation, and the job judging it (a retry adopts its run). */
export interface RunRecord {
  ledger: RunLedger;
  installation: number;
  job?: RunJob;
}

/** The `external_id` prefix of the runs a job creates: a retry of the job recognises them. */
export const jobMark = (job: Pick<RunJob, 'id' | 'createdAt'>): string => `tokenwarden-job-${job.id}-${job.createdAt.getTime()}-`;

/** The requested action that opens remediation issues. GitHub caps labels at 20 characters. */
export const OPEN_ISSUES_ACTION: CheckRunAction = {
  label: 'Open issues',
  description: 'Open remediation issues for secrets',
  identifier: 'open_issues',
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** A run older than this is no longer ours to finish at shutdown (its installation token has expired). */
const FORGET_AFTER_MS = 60 * 60 * 1000;
/** Back-off between tries of a completion GitHub did not take; the last gap repeats until it lands. */
const COMPLETION_BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15_000, 30_000, 60_000];

/** Rendered when the first run starts, not at shutdown: the drain's seconds are for GitHub, not for us. */
let interruptedOutput: CheckOutput | undefined;
const interrupted = (): CheckOutput =>
  (interruptedOutput ??= renderIncomplete(
    'the server stopped (a restart or deploy) before it finished',
    'Nothing was judged, so this check fails rather than pass in silence. Re-run it from the Checks tab (or push again) to judge the change.',
  ));

/**
 * The check runs one App instance has open, owned by that instance (no module state: two Apps in one
 * process, as tests run them, do not share or drain each other's runs). A shutdown drains them.
 */
export class OpenRuns {
  /** Runs this App started and has not completed yet: a shutdown completes them (`drain`). */
  readonly open = new Map<CheckRunPublisher, number>();
  /** Shutting down: completions try once, quickly, and no background retry is scheduled. */
  stopping = false;
  /** Ledger writes in flight (a shutdown waits for them before closing the store). */
  readonly ledgerWrites = new Set<Promise<void>>();

  /** Runs still open (for health and tests). */
  get count(): number {
    return this.open.size;
  }

  /** Wait (up to `timeoutMs`) for the ledger writes in flight: before the store is closed. */
  async flush(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.ledgerWrites]), new Promise<void>((r) => (timer = setTimeout(r, Math.max(0, timeoutMs))))]);
    clearTimeout(timer);
  }

  /**
   * Shutdown: wait up to `graceMs` for the runs in progress to complete, then complete the rest as not
   * judged — again and again until none is left or the time is up (an evaluation that was starting may
   * open one more). Returns how many runs were interrupted.
   */
  async drain(graceMs: number): Promise<number> {
    const deadline = Date.now() + graceMs;
    // No new run from here on: one whose create is still on its way is finished as soon as it lands.
    this.stopping = true;
    // Keep a share of the time for the completions themselves.
    const reserve = Math.min(3000, Math.floor(graceMs / 2));
    while (this.open.size && Date.now() < deadline - reserve) await sleep(Math.min(50, Math.max(1, deadline - reserve - Date.now())));
    const interrupted = new Set<CheckRunPublisher>();
    while (this.open.size && Date.now() < deadline) {
      const left = [...this.open.keys()];
      for (const r of left) interrupted.add(r);
      const budget = Math.max(1, deadline - Date.now());
      await Promise.race([Promise.all(left.map((run) => run.interrupt(budget))), sleep(budget)]);
    }
    return interrupted.size;
  }

  /** For tests: accept new runs again after a drain. */
  resume(): void {
    this.stopping = false;
  }
}

export class CheckRunPublisher {
  private completed = false;
  /** Completed as interrupted by a shutdown: the change was not judged. */
  private interruptedAtShutdown = false;
  /** A completion (`complete` or `abort`) in flight. */
  private pending: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly gh: GitHubClient,
    private readonly repo: RepoRef,
    readonly id: number,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly runs: OpenRuns,
    private readonly record?: RunRecord,
    /** Opened by an earlier attempt of the same job, which died before completing it. */
    readonly adopted = false,
  ) {}

  /**
   * Create the run in progress (or, for a job retried after its worker died, adopt the run the earlier
   * attempt left in progress on GitHub), and record it in the ledger.
   */
  static async start(gh: GitHubClient, repo: RepoRef, headSha: string, log: Logger, now: () => Date, runs: OpenRuns, record?: RunRecord): Promise<CheckRunPublisher> {
    if (runs.stopping) throw new SafeError('the server is stopping');
    const repository = fullName(repo);
    const job = record?.job;
    let adopt: number | undefined;
    if (job && (job.claims > 1 || job.recovers !== undefined)) {
      // An earlier attempt of this job died (its lease ran out), or this job recovers a run left open: the
      // run still in progress on GitHub is completed by this attempt rather than left beside a second one.
      try {
        const mark = jobMark(job);
        adopt = (await listCheckRuns(gh, repo, headSha, CHECK_NAME)).find((r) => r.status !== 'completed' && (r.id === job.recovers || !!r.externalId?.startsWith(mark)))?.id;
      } catch (e) {
        log.warn({ err: errorFields(e), repository, sha: headSha }, 'could not look for a check run left in progress by an earlier attempt');
      }
    }
    const id = adopt ?? (await createCheckRun(gh, repo, CHECK_NAME, headSha, now(), job ? jobMark(job) : ''));
    if (adopt !== undefined) log.info?.({ repository, sha: headSha, checkRunId: id, job: job?.id }, 'adopted the check run left in progress by an earlier attempt');
    interrupted();
    const run = new CheckRunPublisher(gh, repo, id, log, now, runs, record, adopt !== undefined);
    if (record) {
      try {
        await record.ledger.checkRuns.opened({ installation: record.installation, repository, headSha, checkRunId: id, owner: record.ledger.owner, name: CHECK_NAME, jobId: job?.id ?? null });
      } catch (e) {
        // Judged all the same; only a crash before its completion would leave it unnoticed.
        log.warn({ err: errorFields(e), repository, checkRunId: id }, 'could not record the check run as started');
      }
    }
    if (runs.stopping) {
      // Created while the server was stopping (the request was already on its way): finish it now, or
      // nobody will.
      await run.interrupt(2000).catch(() => undefined);
      throw new SafeError('the server is stopping');
    }
    const t = Date.now();
    for (const [old, at] of runs.open) if (t - at > FORGET_AFTER_MS) runs.open.delete(old);
    runs.open.set(run, t);
    return run;
  }

  get done(): boolean {
    return this.completed;
  }

  /** Completed as interrupted by a shutdown (nothing judged): the job should be run again. */
  get interrupted(): boolean {
    return this.interruptedAtShutdown;
  }

  /** Left to another worker, which adopts it: no longer this App's to complete or interrupt. */
  abandon(): void {
    clearTimeout(this.retryTimer);
    this.runs.open.delete(this);
  }

  /**
   * The evaluation is over. A run that it could not complete stays tracked (its completion is being
   * retried); a completed one is forgotten.
   */
  release(): void {
    if (this.completed) this.runs.open.delete(this);
  }

  /**
   * Done in this process. `landed`: GitHub took the completion, so the ledger forgets the run; otherwise
   * the ledger keeps it, for the recovery after a restart to finish.
   */
  private markCompleted(landed = true): void {
    this.completed = true;
    clearTimeout(this.retryTimer);
    this.runs.open.delete(this);
    if (landed && this.record) {
      const p: Promise<void> = this.record.ledger.checkRuns
        .completed(this.id)
        .then(
          () => undefined,
          (e: unknown) => this.log.warn({ err: errorFields(e), checkRunId: this.id }, 'could not record the check run as completed (the recovery will find it completed on GitHub)'),
        )
        .finally(() => this.runs.ledgerWrites.delete(p));
      this.runs.ledgerWrites.add(p);
    }
  }

  private async once(fn: () => Promise<void>): Promise<void> {
    if (this.completed) return;
    if (this.pending) await this.pending;
    if (this.completed) return;
    const p = outsideBudget(fn);
    this.pending = p.catch(() => undefined);
    try {
      await p;
    } finally {
      this.pending = undefined;
    }
  }

  /** Complete as interrupted by a shutdown (`OpenRuns.drain`). */
  async interrupt(budgetMs: number): Promise<void> {
    clearTimeout(this.retryTimer);
    // A completion already on its way is left to land (briefly), rather than raced by a second one.
    if (this.pending) await Promise.race([this.pending, sleep(Math.min(1000, budgetMs / 2))]);
    if (this.completed) return;
    const output = interrupted();
    try {
      // Urgent: past the installation's queue of writes, and tried again until the drain's time is up.
      const update: CheckRunUpdate = { status: 'completed', conclusion: 'failure', completed_at: this.now().toISOString(), output };
      for (let attempt = 0; ; attempt++) {
        try {
          await outsideBudget(() => this.send(update, { urgent: true }));
          break;
        } catch (e) {
          if (attempt >= 3) throw e;
          await sleep(100 * (attempt + 1));
        }
      }
      this.interruptedAtShutdown = true;
      this.markCompleted();
    } catch (e) {
      this.log.error({ err: errorFields(e), checkRunId: this.id }, 'could not complete the check run at shutdown');
      // Nothing more can be done from this process; the ledger keeps it for the recovery after a restart.
      this.interruptedAtShutdown = true;
      this.markCompleted(false);
    }
  }

  complete(conclusion: Conclusion, output: CheckOutput, annotations: readonly CheckAnnotation[], actions: CheckRunAction[] = []): Promise<void> {
    return this.once(() => this.completeNow(conclusion, output, annotations, actions));
  }

  private send(update: CheckRunUpdate, opts: UpdateOptions = {}): Promise<void> {
    return updateCheckRun(this.gh, this.repo, this.id, update, opts);
  }

  private async completeNow(conclusion: Conclusion, output: CheckOutput, annotations: readonly CheckAnnotation[], actions: CheckRunAction[]): Promise<void> {
    const [first = [], ...rest] = batches(annotations.map(validAnnotation));
    const base = { status: 'completed' as const, conclusion, completed_at: this.now().toISOString(), actions };
    try {
      // One try: on any failure the verdict goes first, without annotations, on our own back-off.
      await this.send({ ...base, output: { ...output, annotations: first } }, { once: true });
    } catch (e) {
      // GitHub refused the annotations (422), or kept failing (5xx after the retries): the verdict
      // must land first, without them; the batch is then sent again annotation by annotation, so one
      // GitHub will not take costs that one only.
      this.log.warn({ err: errorFields(e), checkRunId: this.id }, 'completing the check run with annotations failed; completing without, then adding them');
      await this.completeWithRetry({ ...base, output: validOutput({ title: output.title, summary: output.summary }) }, 0, () => this.addAnnotations(output, [first, ...rest]));
      return;
    }
    this.markCompleted();
    await this.addAnnotations(output, rest);
  }

  /** Later batches of annotations; a refused batch is split so that the rest still lands. */
  private async addAnnotations(output: CheckOutput, list: CheckAnnotation[][]): Promise<void> {
    let lost = 0;
    let firstError: unknown;
    for (const batch of list) {
      if (!batch.length) continue;
      try {
        await this.send({ output: { ...output, annotations: batch } });
      } catch (e) {
        if (status(e) !== 422) {
          firstError ??= e;
          lost += batch.length;
          continue;
        }
        for (const a of batch) {
          try {
            await this.send({ output: { ...output, annotations: [a] } });
          } catch (err) {
            firstError ??= err;
            lost++;
          }
        }
      }
    }
    if (lost) {
      this.log.warn({ err: errorFields(firstError), checkRunId: this.id, lost }, 'some annotations could not be added; the findings are in the summary');
      const note = `\n\n> ⚠️ GitHub did not take ${lost} line annotation(s) (${describeError(firstError)}); every finding is listed above.\n`;
      await this.send({ output: validOutput({ title: output.title, summary: output.summary.slice(0, 65_535 - note.length) + note }) }).catch(() => undefined);
    }
  }

  /**
   * Send a completion; when GitHub does not take it, try again with back-off in the background until it
   * does (or the run is interrupted at shutdown). Resolves after the first try.
   */
  private async completeWithRetry(update: CheckRunUpdate, attempt = 0, then?: () => Promise<void>): Promise<void> {
    try {
      await this.send(update, { once: true });
      this.markCompleted();
    } catch (e) {
      const refused = status(e) !== undefined && status(e)! >= 400 && status(e)! < 500 && status(e) !== 403 && status(e) !== 429;
      this.log.error({ err: errorFields(e), checkRunId: this.id, attempt }, refused ? 'GitHub refused the check run completion' : 'could not complete the check run: trying again later');
      if (refused || this.runs.stopping) return;
      const delay = COMPLETION_BACKOFF_MS[Math.min(attempt, COMPLETION_BACKOFF_MS.length - 1)]!;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        if (!this.completed) void this.once(() => this.completeWithRetry(update, attempt + 1, then));
      }, delay);
      this.retryTimer.unref();
      return;
    }
    // What follows the verdict (the annotations) goes once it has landed.
    await then?.().catch((e: unknown) => this.log.warn({ err: errorFields(e), checkRunId: this.id }, 'adding annotations after the completion failed'));
  }

  /**
   * Every error path ends here: the run fails, says what could not be judged and why, and — when a retry
   * is scheduled — when it will be judged again. Never neutral: GitHub counts neutral as passing.
   */
  abort(error: unknown, retryAt?: Date): Promise<void> {
    return this.once(() => this.abortNow(error, retryAt));
  }

  private async abortNow(error: unknown, retryAt: Date | undefined): Promise<void> {
    const reason = describeError(error);
    const hint = retryAt
      ? `Not judged yet, so this check fails rather than pass in silence. Token Warden will judge the change again at ${retryAt.toISOString().slice(11, 16)} UTC (or re-run it from the Checks tab).`
      : 'Nothing was judged, so this check fails rather than pass in silence. Re-run it from the Checks tab once the cause is fixed.';
    await this.completeWithRetry({ status: 'completed', conclusion: 'failure', completed_at: this.now().toISOString(), output: renderIncomplete(reason, hint) });
  }
}
