/**
 * The org scan's GitHub client: the App's Octokit (Probot's, with the throttling and retry plugins and
 * a deadline per attempt — src/app/github/octokit.ts) authenticated with a token, pointed at GitHub or a
 * GitHub Enterprise Server (`--api-url`). Rate limits are waited out, never skipped:
 *
 * - a secondary rate limit (403 "secondary rate limit") and a primary one (`x-ratelimit-remaining: 0`)
 *   are retried by the throttling plugin after `retry-after` / the reset;
 * - a 429, or a 403 with `retry-after` the plugin did not recognise, is retried here after its
 *   `retry-after` (the retry plugin's own back-off, which ignores `retry-after`, is off for 429);
 * - 5xx and network errors are retried by the retry plugin with back-off.
 *
 * Waits longer than `maxRetryAfterSeconds`, or more than `maxRetries` in a row for one request, fail
 * that request (the repository is then listed as failed and retried by the next run).
 */
import { createOctokitClass, type GitHubClient } from '../app/github/octokit.js';
import { status } from '../app/github/api.js';

export interface OrgClientOptions {
  token: string;
  /** REST API root: https://api.github.com (default) or https://HOST/api/v3 for GitHub Enterprise Server. */
  apiUrl?: string;
  /** Milliseconds per second of `retry-after` (1000; tests shrink it). */
  retryBaseMs?: number;
  /** Rate-limit retries of one request before giving up (default 10). */
  maxRetries?: number;
  /** Longest single wait for a rate limit, seconds (default 900). */
  maxRetryAfterSeconds?: number;
  /** Deadline of one HTTP attempt (default 30 s). */
  requestTimeoutMs?: number;
  /** Told about every rate-limit wait (the CLI counts them and prints one line each with --verbose). */
  onRateLimit?: (e: { kind: 'primary' | 'secondary' | '429'; retryAfterSeconds: number; url: string }) => void;
}

export const DEFAULT_API_URL = 'https://api.github.com';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Headers {
  [k: string]: string | number | undefined;
}

/** Seconds to wait before asking again, when `e` is a rate limit that says (or implies) when. */
export function rateLimitWait(e: unknown, now = Date.now()): number | undefined {
  const s = status(e);
  if (s !== 429 && s !== 403) return undefined;
  const headers: Headers = (e as { response?: { headers?: Headers } })?.response?.headers ?? {};
  const after = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(after) && after >= 0) return after;
  const reset = Number(headers['x-ratelimit-reset']);
  if (String(headers['x-ratelimit-remaining']) === '0' && Number.isFinite(reset)) return Math.max(0, Math.ceil(reset - now / 1000) + 1);
  // A 429 without a word of when: GitHub's guidance is at least a minute.
  if (s === 429) return 60;
  const m = (e as { message?: unknown })?.message;
  const message = typeof m === 'string' ? m : '';
  return /secondary rate limit|abuse/i.test(message) ? 60 : undefined;
}

export function createOrgClient(o: OrgClientOptions): GitHubClient {
  const base = o.retryBaseMs ?? 1000;
  const maxRetries = o.maxRetries ?? 10;
  const maxWait = o.maxRetryAfterSeconds ?? 15 * 60;
  const Octokit = createOctokitClass({
    retryBaseMs: base,
    maxRateLimitRetries: maxRetries,
    maxServerRetries: 3,
    maxRetryAfterSeconds: maxWait,
    requestTimeoutMs: o.requestTimeoutMs ?? 30_000,
  });
  const notify = (kind: 'primary' | 'secondary', retryAfter: number, url: string): void => o.onRateLimit?.({ kind, retryAfterSeconds: retryAfter, url });
  const log = {
    debug: () => undefined,
    info: () => undefined,
    // The App's throttle handlers log `(fields, message)`; the plugins' own lines are plain strings.
    warn: (fields: unknown, msg?: string) => {
      if (fields && typeof fields === 'object' && typeof msg === 'string' && /rate limit/.test(msg)) {
        const f = fields as { retryAfter?: number; url?: string; retry?: boolean };
        if (f.retry) notify(/secondary/.test(msg) ? 'secondary' : 'primary', Number(f.retryAfter ?? 0), String(f.url ?? ''));
      }
    },
    error: () => undefined,
  };
  const gh = new Octokit({
    auth: { token: o.token },
    baseUrl: (o.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: 'tokenwarden-org-scan',
    log,
    // 429 is waited out below, after its retry-after; the retry plugin would back off 1, 4, 9 s instead.
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
  } as ConstructorParameters<typeof Octokit>[0]);
  // Outermost: sees what the plugins gave up on or never took (429, a 403 with retry-after).
  gh.hook.wrap('request', async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options);
      } catch (e) {
        const wait = rateLimitWait(e);
        if (wait === undefined || attempt >= maxRetries || wait > maxWait) throw e;
        o.onRateLimit?.({ kind: '429', retryAfterSeconds: wait, url: String((options as { url?: string }).url ?? '') });
        await sleep(wait * base);
      }
    }
  });
  return gh;
}
