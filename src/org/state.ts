/**
 * `--state FILE`: the repositories an org scan has finished, with their results, so that an interrupted
 * run (Ctrl-C, a crash, a kill) resumes without scanning them again. The file is rewritten after every
 * repository, atomically (a temporary file renamed over it): a crash leaves the previous version or the
 * new one, never half of one. A repository being scanned when the process died is not in it, and is
 * scanned by the next run.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FailedRepo, RepoResult } from './types.js';

export const STATE_KIND = 'tokenwarden.org-scan-state';

export interface StateFile {
  kind: typeof STATE_KIND;
  version: 1;
  org: string;
  apiUrl: string;
  /** YYYY-MM-DD the results were judged on: a state of another day is not resumed silently. */
  today: string;
  startedAt: string;
  updatedAt: string;
  /** `owner/name` (lower case) → its result. */
  done: Record<string, RepoResult>;
  /** The last run's failures (tried again by the next run). */
  failed: FailedRepo[];
}

export class StateMismatch extends Error {
  override name = 'StateMismatch';
}

export class OrgState {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string | undefined,
    readonly data: StateFile,
    /** Results taken from the file when it was opened. */
    readonly resumed: number,
  ) {}

  /** Open (or start) the state at `path`; without a path, a state in memory only. */
  static async open(path: string | undefined, fresh: Omit<StateFile, 'kind' | 'version' | 'done' | 'failed' | 'updatedAt'>): Promise<OrgState> {
    const blank: StateFile = { kind: STATE_KIND, version: 1, ...fresh, updatedAt: fresh.startedAt, done: {}, failed: [] };
    if (!path) return new OrgState(undefined, blank, 0);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new OrgState(path, blank, 0);
      throw e;
    }
    let data: StateFile;
    try {
      data = JSON.parse(text) as StateFile;
    } catch {
      throw new StateMismatch(`${path} is not a state file of tokenwarden org scan (not JSON)`);
    }
    if (data?.kind !== STATE_KIND || data.version !== 1 || typeof data.done !== 'object' || data.done === null) {
      throw new StateMismatch(`${path} is not a state file of tokenwarden org scan`);
    }
    if (data.org.toLowerCase() !== fresh.org.toLowerCase() || data.apiUrl !== fresh.apiUrl) {
      throw new StateMismatch(`${path} holds a scan of ${data.org} at ${data.apiUrl}, not of ${fresh.org} at ${fresh.apiUrl}`);
    }
    if (data.today !== fresh.today) {
      throw new StateMismatch(`${path} holds results judged on ${data.today}, not ${fresh.today}`);
    }
    return new OrgState(path, { ...data, failed: Array.isArray(data.failed) ? data.failed : [] }, Object.keys(data.done).length);
  }

  has(fullName: string): boolean {
    return Object.hasOwn(this.data.done, fullName.toLowerCase());
  }

  get(fullName: string): RepoResult | undefined {
    return this.data.done[fullName.toLowerCase()];
  }

  /** Record a repository as done, and write the file before resolving. */
  done(result: RepoResult): Promise<void> {
    this.data.done[result.repository.toLowerCase()] = result;
    this.data.failed = this.data.failed.filter((f) => f.repository.toLowerCase() !== result.repository.toLowerCase());
    return this.save();
  }

  failed(f: FailedRepo): Promise<void> {
    this.data.failed = [...this.data.failed.filter((x) => x.repository.toLowerCase() !== f.repository.toLowerCase()), f];
    return this.save();
  }

  /** Writes go one after the other, each a whole file renamed into place. */
  save(): Promise<void> {
    const path = this.path;
    if (!path) return Promise.resolve();
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        this.data.updatedAt = new Date().toISOString();
        const tmp = `${path}.${process.pid}.tmp`;
        await mkdir(dirname(path), { recursive: true });
        await writeFile(tmp, `${JSON.stringify(this.data)}\n`, { mode: 0o600 });
        await rename(tmp, path);
      });
    return this.writing;
  }
}
