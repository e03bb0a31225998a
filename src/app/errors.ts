/**
 * Error text that may leave the process. A check run is public to everyone who can read the repository,
 * so only GitHub's status and route, or messages we wrote ourselves (`SafeError`), go into one; any other
 * message (a rule's exception, say) could quote scanned content and stays in the server log.
 */
import { scrub } from './scrub.js';

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

function httpDescription(e: unknown): string | undefined {
  const r = e as RequestErrorLike;
  if (typeof r?.status !== 'number' || !r.request?.url) return undefined;
  let path = r.request.url;
  try {
    path = new URL(r.request.url).pathname;
  } catch {
    /* already a path */
  }
  return `GitHub answered ${r.status} to ${r.request.method ?? 'a request'} ${decodeURIComponent(path).replace(/^\/api\/v3(?=\/)/, '')}`;
}

/** For check runs and issues: short and free of scanned content. */
export function describeError(e: unknown): string {
  const http = httpDescription(e);
  if (http) return http;
  if (e instanceof SafeError) return e.message.split('\n')[0]!.slice(0, 200);
  const name = e instanceof Error ? e.name : typeof e;
  return `internal error (${name}); the server log has the details`;
}

/** For structured logs: no request bodies or headers (they hold tokens and content). */
export function errorFields(e: unknown): Record<string, unknown> {
  const r = e as RequestErrorLike & { stack?: string };
  const http = httpDescription(e);
  if (http) return { name: r.name, status: r.status, message: http };
  return { name: r?.name, message: scrub(String(r?.message ?? e).split('\n')[0]!.slice(0, 300)), stack: r?.stack?.split('\n').slice(1, 6).join('\n') };
}
