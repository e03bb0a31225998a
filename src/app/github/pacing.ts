/**
 * Writes to GitHub, serialised and paced per installation. GitHub's secondary rate limits count per
 * installation token, so one busy installation must not slow the others down (plugin-throttling's
 * stock write groups share one key across the process), and two writes of one installation must not
 * race (GitHub asks integrators to make writes serially).
 *
 * In this process, the writes of one installation run one at a time with a gap after each. With the
 * store's write pacing (`store.pacing`), each write also claims the installation's next slot on the
 * database's clock — per lane: 'write' for every write, 'content' as well for issues and comments — and
 * waits for it, so that all instances together keep GitHub's pace, not each one alone.
 */
import type { WritePacing } from '../../store/types.js';

export interface PacingOptions {
  /** Minimum gap between the end of one write and the start of the next (GitHub asks for ≥ 1 s). */
  writeIntervalMs: number;
  /** Minimum gap before a write that creates content (issues, comments): those limits are stricter. */
  contentIntervalMs: number;
}

export interface FleetPacing {
  /** Slots shared by the fleet (`store.pacing`). */
  slots: WritePacing;
  /** The installation a pacing key stands for; undefined: paced in this process only. Default: `installation:<id>`. */
  installationOf?: (key: string) => number | undefined;
  /** The store could not be asked (the write then goes on this process's pace alone). */
  onError?: (e: unknown) => void;
}

interface Lane {
  tail: Promise<unknown>;
  lastWrite: number;
  lastContent: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const INSTALLATION_KEY = /^installation:(\d+)$/;
const installationOfKey = (key: string): number | undefined => {
  const m = INSTALLATION_KEY.exec(key);
  return m ? Number(m[1]) : undefined;
};

export class InstallationPacer {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly opts: PacingOptions,
    private readonly fleet?: FleetPacing,
  ) {}

  /** True when writes are also paced across the fleet. */
  get shared(): boolean {
    return !!this.fleet;
  }

  /**
   * Run `fn` after every earlier write of `key` settled and the pacing gap has passed (and, across the
   * fleet, the installation's next slot has come). An `urgent` write (completing a check run at
   * shutdown) goes at once: a queue of issue writes must not keep a run in progress past the grace period.
   */
  run<T>(key: string, content: boolean, fn: () => Promise<T>, urgent = false): Promise<T> {
    if (urgent) return fn();
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { tail: Promise.resolve(), lastWrite: 0, lastContent: 0 }));
    const l = lane;
    const result = l.tail.then(async () => {
      const due = Math.max(l.lastWrite + this.opts.writeIntervalMs, content ? l.lastContent + this.opts.contentIntervalMs : 0);
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      await this.fleetSlot(key, content);
      try {
        return await fn();
      } finally {
        l.lastWrite = Date.now();
        if (content) l.lastContent = l.lastWrite;
      }
    });
    const tail = result.catch(() => undefined);
    l.tail = tail;
    // Forget idle lanes, so the map does not grow with every installation ever seen.
    void tail.then(() => {
      const forget = (): void => {
        if (this.lanes.get(key) === l && l.tail === tail) this.lanes.delete(key);
      };
      const gap = Math.max(this.opts.writeIntervalMs, this.opts.contentIntervalMs);
      if (gap <= 0) forget();
      else setTimeout(forget, gap).unref();
    });
    return result;
  }

  /**
   * Wait for the installation's next slot across the fleet: the content slot first (for issues and
   * comments), then the write slot, each claimed just before it is due, so neither is spent early.
   */
  private async fleetSlot(key: string, content: boolean): Promise<void> {
    const fleet = this.fleet;
    if (!fleet) return;
    const installation = (fleet.installationOf ?? installationOfKey)(key);
    if (installation === undefined) return;
    const lanes: Array<[string, number]> = [];
    if (content && this.opts.contentIntervalMs > 0) lanes.push(['content', this.opts.contentIntervalMs]);
    if (this.opts.writeIntervalMs > 0) lanes.push(['write', this.opts.writeIntervalMs]);
    for (const [lane, interval] of lanes) {
      let wait = 0;
      try {
        wait = await fleet.slots.claimWriteSlot(installation, interval, lane);
      } catch (e) {
        fleet.onError?.(e);
      }
      if (wait > 0) await sleep(wait);
    }
  }

  /** Lanes with queued or recent writes (for tests and metrics). */
  get size(): number {
    return this.lanes.size;
  }
}

/** `POST …/issues` and `POST …/comments` create content that notifies people. */
export function createsContent(method: string, url: string): boolean {
  return method === 'POST' && /\/(issues|comments)$/.test(url.split('?')[0]!);
}

/** Installation token requests are how we authenticate; they are not writes to pace. */
export function isWrite(method: string, url: string): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  return !/\/app\/installations\/[^/]+\/access_tokens$/.test(url.split('?')[0]!);
}
