/**
 * Error text that may leave the process. A check run is public to everyone who can read the repository,
 * so only GitHub's status and route, or messages we wrote ourselves (`SafeError`), go into one; any other
 * message (a rule's exception, say) could quote scanned content and stays in the server log.
 */
import { scrubText, scrubTexts } from '../report/scrub.js';
import { fitChars } from '../report/limits.js';

/** An error whose message we wrote and know to hold no scanned content. */
export class SafeError extends Error {
  override name = 'SafeError';
}

interface RequestErrorLike {
  name?: string;
  status?: number;
  request?: { method?: string; url?: string };
  message?: string;
}

/** The first line, cut long before a scan gets expensive (and scrubbed before any shorter cut). */
const firstLine = (s: string, max: number): string => {
  const nl = s.indexOf('\n');
  return (nl === -1 ? s : s.slice(0, nl)).slice(0, max);
};

function httpDescription(e: unknown): string | undefined {
  const r = e as RequestErrorLike;
  if (typeof r?.status !== 'number' || !r.request?.url) return undefined;
  let path = r.request.url;
  try {
    path = new URL(r.request.url).pathname;
  } catch {
    /* already a path */
  }
  let route = path;
  try {
    route = decodeURIComponent(path);
  } catch {
    /* a malformed escape: keep it encoded */
  }
  // The route can name a file (`/contents/config/<token>.txt`) or a branch: scrubbed like any text.
  return fitChars(scrubText(`GitHub answered ${r.status} to ${r.request.method ?? 'a request'} ${route.replace(/^\/api\/v3(?=\/)/, '')}`), 500);
}

/** For check runs and issues: short and free of scanned content. */
export function describeError(e: unknown): string {
  const http = httpDescription(e);
  if (http) return http;
  if (e instanceof SafeError) return fitChars(scrubText(firstLine(e.message, 4_000)), 200);
  const name = e instanceof Error ? e.name : typeof e;
  return `internal error (${name}); the server log has the details`;
}

/**
 * The call frames of a stack: only `at …` lines. The lines before them are the message, which may run
 * over several lines and quote scanned content (a parser's error, say).
 */
const frames = (stack: unknown): string =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((l) => /^\s+at /.test(l))
        .slice(0, 5)
        .map((l) => l.slice(0, 500))
        .join('\n')
    : '';

/** For structured logs: no request bodies or headers (they hold tokens and content); message and stack scrubbed. */
export function errorFields(e: unknown): Record<string, unknown> {
  const r = e as RequestErrorLike & { stack?: string };
  const http = httpDescription(e);
  if (http) return { name: typeof r.name === 'string' ? fitChars(r.name, 100) : r.name, status: r.status, message: http };
  const [name, message, stack] = scrubTexts([String(r?.name ?? typeof e).slice(0, 100), firstLine(String(r?.message ?? e), 4_000), frames(r?.stack)]);
  return { name, message: fitChars(message!, 300), stack };
}
