/**
 * A stand-in for the part of the GitHub REST API the App uses, as a plain router over in-memory state.
 * `nock` drives it in most tests; a loopback HTTP server drives it in the end-to-end test. Every request
 * is recorded, so tests assert the exact calls and bodies.
 */
export interface Recorded {
  method: string;
  /** Decoded path without the `/api/v3` prefix and without the query. */
  path: string;
  query: URLSearchParams;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Date.now() when the request arrived. */
  at: number;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FileEntry {
  filename: string;
  status?: string;
  patch?: string;
  sha?: string;
  changes?: number;
  previous_filename?: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  state: 'open' | 'closed';
  comments: string[];
  repo: string;
}

export interface Fault {
  method: string;
  path: RegExp;
  reply: Reply;
  /** How many matching requests fail; then the route works again. */
  times: number;
  /** A fault that lasts for a time instead (`failFor`): milliseconds from the first matching request. */
  windowMs?: number;
  /** When the first matching request of a timed fault arrived. */
  startedAt?: number;
}

export interface PullState {
  number: number;
  headSha: string;
  baseRef: string;
  author: string;
  changedFiles: number;
  files: FileEntry[];
}

/** What GitHub's validation would say about a check-run create/update body, or undefined if it takes it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function checkRunProblem(body: Record<string, any> | undefined): string | undefined {
  const out = body?.output;
  const bytes = (v: unknown): number => (typeof v === 'string' ? Buffer.byteLength(v) : 0);
  if (out) {
    if (typeof out.summary === 'string' && out.summary.length > 65_535) return `output.summary is too long (${out.summary.length} characters; at most 65535).`;
    if (typeof out.text === 'string' && out.text.length > 65_535) return `output.text is too long (${out.text.length} characters; at most 65535).`;
    const annotations: any[] = Array.isArray(out.annotations) ? out.annotations : []; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (annotations.length > 50) return `at most 50 annotations per request; ${annotations.length} were supplied.`;
    for (const a of annotations) {
      if (bytes(a.message) > 65_536) return `an annotation message is ${bytes(a.message)} bytes; at most 64 KB.`;
      if (bytes(a.raw_details) > 65_536) return `an annotation's raw_details are ${bytes(a.raw_details)} bytes; at most 64 KB.`;
      if (typeof a.title === 'string' && a.title.length > 255) return `an annotation title is ${a.title.length} characters; at most 255.`;
    }
  }
  if (Array.isArray(body?.actions) && body.actions.length > 3) return `at most 3 actions; ${body.actions.length} were supplied.`;
  return undefined;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({ status, body, headers });

/** Patches above this are listed and serialised once, when the PR is set up, not on every request. */
const LARGE_PATCH = 1024 * 1024;
const listedLarge = new WeakMap<FileEntry, object>();
const serialised = new WeakMap<object, Buffer>();

const lineCount = (text: string): number => {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** A file as GitHub's pull-request file listing gives it. */
function listed(f: FileEntry): object {
  const cached = listedLarge.get(f);
  if (cached) return cached;
  const entry = { status: 'modified', changes: f.patch ? lineCount(f.patch) : 0, additions: 0, deletions: 0, ...f };
  if (f.patch && f.patch.length > LARGE_PATCH) {
    listedLarge.set(f, entry);
    serialised.set(entry, Buffer.from(JSON.stringify(entry)));
  }
  return entry;
}

/**
 * The JSON bytes of a reply body. A listing holding a patch of tens of MB would otherwise be split,
 * stringified and encoded again on each request, blocking the stand-in's event loop (the test
 * process) for seconds on a slow machine, so that other installations' calls overran their deadline.
 */
export function replyBytes(body: unknown): Buffer | string {
  if (Buffer.isBuffer(body)) return body;
  if (body === undefined) return '';
  if (Array.isArray(body) && body.some((e) => typeof e === 'object' && e !== null && serialised.has(e))) {
    const parts: Buffer[] = [];
    body.forEach((e, i) => parts.push(Buffer.from(i ? ',' : '['), serialised.get(e as object) ?? Buffer.from(JSON.stringify(e))));
    parts.push(Buffer.from(']'));
    return Buffer.concat(parts);
  }
  return JSON.stringify(body);
}
const notFound = (): Reply => json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });

export class FakeGitHub {
  readonly requests: Recorded[] = [];
  readonly unknown: Recorded[] = [];
  /** `owner/repo@ref:path` (ref `*` = any, `default` = no ref given) → text. */
  readonly contents = new Map<string, string>();
  readonly blobs = new Map<string, Uint8Array>();
  readonly pulls = new Map<string, PullState>();
  readonly compares = new Map<string, { files: FileEntry[]; status?: string }>();
  readonly trees = new Map<string, Array<{ path: string; sha: string; size?: number }>>();
  readonly commitPulls = new Map<string, number[]>();
  readonly issues: FakeIssue[] = [];
  readonly checkRuns = new Map<number, { head_sha: string; name: string; updates: any[]; created: any }>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly faults: Fault[] = [];
  /** Credentials submitted to `POST /credentials/revoke`, one list per accepted request. */
  readonly revoked: string[][] = [];
  /** Serve issue lists from this snapshot (simulates the list lagging a fresh write). */
  staleIssueList: FakeIssue[] | undefined;
  /**
   * Refuse check-run writes GitHub would refuse (422): more than 50 annotations in one request, an
   * annotation message or raw_details over 64 KB, an annotation title over 255 characters, a summary or
   * text over 65535 characters, more than 3 actions. Off by default (existing tests do not need it).
   */
  strictChecks = false;
  private nextCheckRun = 1;
  private nextIssue = 1;

  constructor(readonly baseUrl = 'https://api.github.com') {}

  // --- state builders --------------------------------------------------------------------------------

  file(repo: string, path: string, text: string, ref = '*'): this {
    this.contents.set(`${repo}@${ref}:${path}`, text);
    return this;
  }

  blob(sha: string, content: string | Uint8Array): this {
    this.blobs.set(sha, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    return this;
  }

  pull(repo: string, p: Partial<PullState> & { number: number; files: FileEntry[] }): this {
    this.pulls.set(`${repo}#${p.number}`, { headSha: 'head', baseRef: 'main', author: 'octocat', changedFiles: p.files.length, ...p });
    for (const f of p.files) listed(f);
    return this;
  }

  fail(method: string, path: RegExp, reply: Reply, times = 1): this {
    this.faults.push({ method, path, reply, times });
    return this;
  }

  /** Answer `reply` to every matching request for `ms` milliseconds, counted from the first one. */
  failFor(method: string, path: RegExp, reply: Reply, ms: number): this {
    this.faults.push({ method, path, reply, times: Infinity, windowMs: ms });
    return this;
  }

  /** Writes (not reads, not authentication), as `METHOD path`. */
  get writes(): string[] {
    return this.requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/app/')).map((r) => `${r.method} ${r.path}`);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  bodiesOf(method: string, path: RegExp): any[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path)).map((r) => r.body);
  }

  // --- router ---------------------------------------------------------------------------------------

  handle(method: string, rawUrl: string, body: unknown): Reply {
    const url = new URL(rawUrl, this.baseUrl);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v3(?=\/)/, '');
    let parsed = body;
    if (typeof body === 'string' && body) {
      try {
        parsed = JSON.parse(body);
      } catch {
        /* keep text */
      }
    }
    const rec: Recorded = { method, path, query: url.searchParams, body: parsed, at: Date.now() };
    this.requests.push(rec);
    const now = Date.now();
    for (const f of this.faults) {
      if (f.windowMs !== undefined && f.startedAt !== undefined && now - f.startedAt >= f.windowMs) f.times = 0;
    }
    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.path.test(path));
    if (fault) {
      if (fault.windowMs !== undefined) fault.startedAt ??= now;
      else fault.times--;
      return fault.reply;
    }
    const reply = this.route(method, path, url.searchParams, parsed as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
    if (!reply) {
      this.unknown.push(rec);
      return notFound();
    }
    return reply;
  }

  private page<T>(items: T[], q: URLSearchParams, path: string, cap = Infinity): Reply {
    const per = Number(q.get('per_page') ?? 30);
    const page = Number(q.get('page') ?? 1);
    const limited = items.slice(0, cap);
    const slice = limited.slice((page - 1) * per, page * per);
    const headers: Record<string, string> = {};
    const last = Math.max(1, Math.ceil(limited.length / per));
    if (page < last) {
      const next = new URL(this.baseUrl.replace(/\/$/, '') + path);
      q.forEach((v, k) => next.searchParams.set(k, v));
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    return json(200, slice, headers);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private route(method: string, path: string, q: URLSearchParams, body: Record<string, any>): Reply | undefined {
    let m: RegExpMatchArray | null;
    if (method === 'POST' && path === '/credentials/revoke') {
      // GitHub's credential revocation: 1 to 1,000 strings, 202 with an empty body; otherwise 422.
      const creds: unknown = body?.credentials;
      if (!Array.isArray(creds) || !creds.length || creds.length > 1000 || creds.some((c) => typeof c !== 'string')) {
        return json(422, { message: 'Validation Failed', errors: ['credentials must list 1 to 1000 strings'], status: '422' });
      }
      this.revoked.push([...creds]);
      return json(202, {});
    }
    if (method === 'POST' && (m = path.match(/^\/app\/installations\/(\d+)\/access_tokens$/))) {
      return json(201, {
        token: `installation-token-${m[1]}`,
        expires_at: '2099-01-01T00:00:00Z',
        permissions: { checks: 'write', contents: 'read', issues: 'write', pull_requests: 'read', metadata: 'read' },
        repository_selection: 'all',
      });
    }
    if ((m = path.match(/^\/repos\/([^/]+\/[^/]+)\/(.*)$/))) {
      const repo = m[1]!;
      const rest = m[2]!;
      if (method === 'GET' && (m = rest.match(/^contents\/(.+)$/))) {
        const ref = q.get('ref') ?? 'default';
        const text = this.contents.get(`${repo}@${ref}:${m[1]}`) ?? this.contents.get(`${repo}@*:${m[1]}`);
        if (text === undefined) return this.directory(repo, ref, m[1]!);
        const content = Buffer.from(text).toString('base64');
        return json(200, { type: 'file', name: m[1]!.split('/').pop(), path: m[1], encoding: 'base64', content, size: text.length, sha: 'policyblob' });
      }
      if (method === 'GET' && (m = rest.match(/^pulls\/(\d+)\/files$/))) {
        const pr = this.pulls.get(`${repo}#${m[1]}`);
        if (!pr) return notFound();
        const files = pr.files.map(listed);
        return this.page(files, q, path, 3000);
      }
      if (method === 'GET' && (m = rest.match(/^pulls\/(\d+)$/))) {
        const pr = this.pulls.get(`${repo}#${m[1]}`);
        if (!pr) return notFound();
        return json(200, {
          number: pr.number,
          state: 'open',
          head: { sha: pr.headSha, ref: 'feature' },
          base: { ref: pr.baseRef },
          user: { login: pr.author, type: 'User' },
          changed_files: pr.changedFiles,
        });
      }
      if (method === 'GET' && (m = rest.match(/^git\/blobs\/([^/]+)$/))) {
        const b = this.blobs.get(m[1]!);
        if (!b) return notFound();
        return json(200, { sha: m[1], size: b.length, encoding: 'base64', content: Buffer.from(b).toString('base64') });
      }
      if (method === 'GET' && (m = rest.match(/^compare\/(.+)$/))) {
        const c = this.compares.get(`${repo}:${m[1]}`);
        if (!c) return notFound();
        return json(200, { status: c.status ?? 'ahead', total_commits: 1, commits: [], files: c.files.map((f) => ({ status: 'modified', changes: 1, ...f })) });
      }
      if (method === 'GET' && (m = rest.match(/^git\/trees\/([^/]+)$/))) {
        const t = this.trees.get(`${repo}:${m[1]}`);
        if (!t) return notFound();
        return json(200, { sha: m[1], truncated: false, tree: t.map((e) => ({ ...e, type: 'blob', mode: '100644' })) });
      }
      if (method === 'GET' && (m = rest.match(/^commits\/([^/]+)\/pulls$/))) {
        const numbers = this.commitPulls.get(`${repo}:${m[1]}`) ?? [];
        return json(
          200,
          numbers.map((n) => ({ number: n, state: 'open', head: { sha: m![1] } })),
        );
      }
      if (this.strictChecks && (method === 'POST' || method === 'PATCH') && /^check-runs(\/\d+)?$/.test(rest)) {
        const refused = checkRunProblem(body);
        if (refused) return json(422, { message: `Invalid request.\n\n${refused}`, documentation_url: 'https://docs.github.com/rest/checks/runs' });
      }
      if (method === 'POST' && rest === 'check-runs') {
        const id = this.nextCheckRun++;
        this.checkRuns.set(id, { head_sha: body.head_sha, name: body.name, updates: [], created: body });
        return json(201, { id, head_sha: body.head_sha, name: body.name, status: body.status });
      }
      if (method === 'PATCH' && (m = rest.match(/^check-runs\/(\d+)$/))) {
        const run = this.checkRuns.get(Number(m[1]));
        if (!run) return notFound();
        run.updates.push(body);
        return json(200, { id: Number(m[1]), status: body.status ?? 'completed' });
      }
      if (method === 'GET' && rest === 'issues') {
        const label = q.get('labels');
        const source = this.staleIssueList ?? this.issues;
        const list = source.filter((i) => i.repo === repo && (!label || i.labels.includes(label)) && (q.get('state') === 'all' || i.state === (q.get('state') ?? 'open')));
        return this.page(
          list.map((i) => this.issueJson(i)),
          q,
          path,
        );
      }
      if (method === 'POST' && rest === 'issues') {
        const issue: FakeIssue = { number: this.nextIssue++, title: body.title, body: body.body, labels: body.labels ?? [], assignees: body.assignees ?? [], state: 'open', comments: [], repo };
        this.issues.push(issue);
        return json(201, this.issueJson(issue));
      }
      if ((m = rest.match(/^issues\/(\d+)(\/comments)?$/))) {
        const issue = this.issues.find((i) => i.repo === repo && i.number === Number(m![1]));
        if (!issue) return notFound();
        if (m[2] && method === 'GET')
          return this.page(
            issue.comments.map((b, i) => ({ id: i + 1, body: b })),
            q,
            path,
          );
        if (m[2] && method === 'POST') {
          issue.comments.push(body.body);
          return json(201, { id: issue.comments.length, body: body.body });
        }
        if (!m[2] && method === 'GET') return json(200, this.issueJson(issue));
        if (!m[2] && method === 'PATCH') {
          if (body.state) issue.state = body.state;
          return json(200, this.issueJson(issue));
        }
      }
    }
    return undefined;
  }

  /** A directory listing from the files at `ref` (or any ref), as the contents API gives it. */
  private directory(repo: string, ref: string, dir: string): Reply {
    const children = new Map<string, 'file' | 'dir'>();
    for (const key of this.contents.keys()) {
      const at = key.indexOf(':');
      const [r, kref] = key.slice(0, at).split('@');
      const path = key.slice(at + 1);
      if (r !== repo || (kref !== ref && kref !== '*') || !path.startsWith(`${dir}/`)) continue;
      const rest = path.slice(dir.length + 1);
      children.set(rest.split('/')[0]!, rest.includes('/') ? 'dir' : 'file');
    }
    if (!children.size) return notFound();
    return json(
      200,
      [...children].sort().map(([name, type]) => ({ name, path: `${dir}/${name}`, type, sha: 'x' })),
    );
  }

  private issueJson(i: FakeIssue): Record<string, unknown> {
    return {
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      html_url: `https://github.com/${i.repo}/issues/${i.number}`,
      labels: i.labels.map((name) => ({ name })),
      assignees: i.assignees.map((login) => ({ login })),
    };
  }
}
