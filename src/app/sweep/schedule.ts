/**
 * When the rotation sweep runs inside the server: `TOKENWARDEN_SWEEP_SCHEDULE`.
 *
 * - `daily@HH:MM` — every day at that time, UTC (`daily` alone: 06:00 UTC, the default);
 * - `every <n>h` / `every <n>m` — at multiples of the interval counted from UTC midnight (`every 6h`
 *   runs at 00:00, 06:00, 12:00, 18:00), at least 15 minutes apart;
 * - `off` — never (run `npm run sweep` from a cron job instead, or POST to the trigger).
 *
 * Times are aligned, not relative to the start: several replicas, or a restarted one, fire at the same
 * moments, and the sweep's per-repository lease lets exactly one of them write.
 */

export type SweepSchedule = { kind: 'off' } | { kind: 'daily'; minuteOfDay: number } | { kind: 'every'; ms: number };

export const SCHEDULE_ENV = 'TOKENWARDEN_SWEEP_SCHEDULE';
export const DEFAULT_SCHEDULE = 'daily@06:00';
const MIN_INTERVAL_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/** The schedule `text` describes, or an error sentence. Empty or unset: the default. */
export function parseSchedule(text: string | undefined): SweepSchedule | { error: string } {
  const s = (text ?? '').trim().toLowerCase() || DEFAULT_SCHEDULE;
  if (s === 'off' || s === 'none' || s === 'disabled' || s === 'false') return { kind: 'off' };
  let m = /^daily(?:@(\d{1,2}):(\d{2}))?$/.exec(s);
  if (m) {
    const [h, min] = m[1] === undefined ? [6, 0] : [Number(m[1]), Number(m[2])];
    if (h > 23 || min > 59) return { error: `${SCHEDULE_ENV} "${text}": the time must be HH:MM between 00:00 and 23:59 (UTC).` };
    return { kind: 'daily', minuteOfDay: h * 60 + min };
  }
  m = /^every\s*(\d+)\s*(h|m|hours?|min(?:utes?)?)$/.exec(s);
  if (m) {
    const ms = Number(m[1]) * (m[2]!.startsWith('h') ? 3_600_000 : 60_000);
    if (ms < MIN_INTERVAL_MS) return { error: `${SCHEDULE_ENV} "${text}": sweep at most every 15 minutes (the sweep reads every installed repository).` };
    if (ms > DAY_MS) return { error: `${SCHEDULE_ENV} "${text}": for intervals over a day use daily@HH:MM or a cron job running \`npm run sweep\`.` };
    return { kind: 'every', ms };
  }
  return { error: `${SCHEDULE_ENV} "${text}" is not a schedule: use daily@HH:MM (UTC), every <n>h, every <n>m, or off.` };
}

/** The first run strictly after `now`, or undefined when the schedule is off. */
export function nextRun(schedule: SweepSchedule, now: Date): Date | undefined {
  const t = now.getTime();
  if (schedule.kind === 'off') return undefined;
  if (schedule.kind === 'every') return new Date((Math.floor(t / schedule.ms) + 1) * schedule.ms);
  const midnight = Math.floor(t / DAY_MS) * DAY_MS;
  const today = midnight + schedule.minuteOfDay * 60_000;
  return new Date(today > t ? today : today + DAY_MS);
}

export const describeSchedule = (s: SweepSchedule): string =>
  s.kind === 'off'
    ? 'off'
    : s.kind === 'daily'
      ? `daily at ${String(Math.floor(s.minuteOfDay / 60)).padStart(2, '0')}:${String(s.minuteOfDay % 60).padStart(2, '0')} UTC`
      : `every ${s.ms % 3_600_000 === 0 ? `${s.ms / 3_600_000}h` : `${s.ms / 60_000}m`}`;

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Runs `run` at each scheduled time. Timers are unref'd (they never keep the process alive) and
 * re-armed after each run; a run still going when the next is due is not started twice (`run` is
 * expected to refuse, see `Sweeper.run`). `clock` is wall time, for tests.
 */
export class SweepScheduler {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private due: Date | undefined;

  constructor(
    private readonly schedule: SweepSchedule,
    private readonly run: () => Promise<unknown>,
    private readonly log: Log,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The next scheduled run, if any. */
  get next(): Date | undefined {
    return this.due;
  }

  start(): void {
    this.stopped = false;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.due = undefined;
  }

  private arm(): void {
    if (this.stopped) return;
    const due = nextRun(this.schedule, new Date(this.clock()));
    this.due = due;
    if (!due) return;
    this.wait(due);
  }

  private wait(due: Date): void {
    // setTimeout holds at most ~24.8 days; a long wait wakes early and waits again.
    const delay = Math.min(Math.max(0, due.getTime() - this.clock()), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      if (this.stopped) return;
      if (this.clock() < due.getTime()) return this.wait(due);
      this.run()
        .catch((e: unknown) => this.log.warn({ err: { message: (e as Error)?.message } }, 'scheduled rotation sweep failed'))
        .finally(() => this.arm());
    }, delay);
    this.timer.unref();
  }
}
