/**
 * A loopback GitHub API for `tokenwarden org scan`: an org's repositories (paginated), each default
 * branch's ref, tree and blobs, the contents API for the org's policy — with rate-limit faults
 * (secondary limits as 403 + retry-after, and 429 + retry-after) and per-route request counts, so tests
 * can assert that every repository was scanned exactly once.
 */
import { createHash, randomInt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { BASE62, base62, crc32 } from '../../../src/engine/checksum.js';

export interface StandRepo {
  name: string;
  defaultBranch?: string;
  archived?: boolean;
  fork?: boolean;
  /** path → text (or bytes). No files: an empty repository (the ref answers 409). */
  files: Record<string, string | Uint8Array>;
}

export interface OrgStandIn {
  url: string;
  /** `METHOD path` of every request, in order (query left out). */
  requests: string[];
  /** Requests answered with a rate limit. */
  limited: number;
  /** How many times `GET …/git/trees/…` was asked for each `owner/name`. */
  treeFetches(): Map<string, number>;
  /** Archives (`GET …/tarball/…`) served, per `owner/name`. */
  archives(): Map<string, number>;
  /** Answer archive requests with this status instead (e.g. 404: the client falls back to blobs). */
  archiveStatus: number | undefined;
  /** Answer each `every`-th request with a rate limit (alternating 403 secondary and 429), `retryAfter` seconds. */
  rateLimitEvery(every: number, retryAfter?: number): void;
  /** Called before each answer; a promise holds the answer until it settles. */
  before?: (method: string, path: string) => void | Promise<void>;
  close(): Promise<void>;
}

/** A GitHub personal-access token of the right shape and checksum, made at run time (never issued). */
export function fakeGithubToken(): string {
  let b = '';
  for (let i = 0; i < 30; i++) b += BASE62[randomInt(62)];
  return `gh${'p'}_${b}${base62(crc32(b), 6)}`;
}

const sha1 = (s: string | Uint8Array): string => createHash('sha1').update(s).digest('hex');

/** One 512-byte ustar header. */
function tarHeader(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}
const pad = (b: Buffer): Buffer => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = body.length + 1;
  while (`${len}${body}`.length !== len) len = `${len}${body}`.length;
  return `${len}${body}`;
}

/** A tar.gz as `git archive` makes it: a pax global header with the commit, a top directory, long paths as pax records. */
export function tarGz(top: string, commit: string, files: Record<string, string | Uint8Array>): Buffer {
  const parts: Buffer[] = [];
  const g = Buffer.from(paxRecord('comment', commit));
  parts.push(tarHeader('pax_global_header', g.length, 'g'), pad(g));
  parts.push(tarHeader(`${top}/`, 0, '5'));
  for (const [path, content] of Object.entries(files)) {
    const data = Buffer.from(typeof content === 'string' ? Buffer.from(content) : content);
    const name = `${top}/${path}`;
    if (Buffer.byteLength(name) > 100) {
      const x = Buffer.from(paxRecord('path', name));
      parts.push(tarHeader('PaxHeader', x.length, 'x'), pad(x));
    }
    parts.push(tarHeader(name, data.length, '0'), pad(data));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}

export async function startOrgStandIn(org: string, repos: StandRepo[], opts: { token?: string; orgPolicy?: string } = {}): Promise<OrgStandIn> {
  const requests: string[] = [];
  const trees = new Map<string, number>();
  const archives = new Map<string, number>();
  const fault = { every: 0, retryAfter: 1, n: 0, limited: 0 };
  const blobs = new Map<string, Uint8Array>();
  const byName = new Map<string, { repo: StandRepo; head: string | null; tree: Array<{ path: string; sha: string; size: number }> }>();
  for (const r of repos) {
    const tree = Object.entries(r.files).map(([path, content]) => {
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      const sha = sha1(bytes);
      blobs.set(sha, bytes);
      return { path, sha, size: bytes.length };
    });
    byName.set(r.name.toLowerCase(), { repo: r, head: tree.length ? sha1(`${r.name}:head`) : null, tree });
  }
  const orgPolicy = opts.orgPolicy;

  let self!: OrgStandIn;
  const server: Server = createServer((req, res) => {
    req.resume();
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a rejection here is unhandled, and vitest fails the run on one
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = decodeURIComponent(url.pathname).replace(/^\/api\/v3(?=\/)/, '');
      const method = req.method ?? 'GET';
      requests.push(`${method} ${path}`);
      const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(body));
      };
      try {
        await self.before?.(method, path);
      } catch {
        res.destroy();
        return;
      }
      if (opts.token && req.headers.authorization !== `token ${opts.token}`) return send(401, { message: 'Bad credentials' });
      if (fault.every > 0 && ++fault.n % fault.every === 0) {
        fault.limited++;
        return fault.limited % 2
          ? send(403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': String(fault.retryAfter) })
          : send(429, { message: 'Too Many Requests' }, { 'retry-after': String(fault.retryAfter) });
      }
      let m: RegExpMatchArray | null;
      if ((m = path.match(/^\/orgs\/([^/]+)\/repos$/))) {
        if (m[1]!.toLowerCase() !== org.toLowerCase()) return send(404, { message: 'Not Found' });
        const per = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const all = repos.map((r) => ({
          name: r.name,
          full_name: `${org}/${r.name}`,
          default_branch: r.defaultBranch ?? 'main',
          archived: !!r.archived,
          fork: !!r.fork,
          private: true,
          html_url: `https://github.example/${org}/${r.name}`,
        }));
        const headers: Record<string, string> = {};
        if (page * per < all.length) {
          const next = new URL(`${self.url}${url.pathname.replace(/^\/api\/v3/, '')}`);
          url.searchParams.forEach((v, k) => next.searchParams.set(k, v));
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next}>; rel="next"`;
        }
        return send(200, all.slice((page - 1) * per, page * per), headers);
      }
      if ((m = path.match(/^\/repos\/([^/]+)\/([^/]+)\/(.*)$/))) {
        const entry = m[1]!.toLowerCase() === org.toLowerCase() ? byName.get(m[2]!.toLowerCase()) : undefined;
        const rest = m[3]!;
        if (!entry) {
          return send(404, { message: 'Not Found' });
        }
        const full = `${org}/${entry.repo.name}`;
        if ((m = rest.match(/^git\/ref\/heads\/(.+)$/))) {
          if (!entry.head) return send(409, { message: 'Git Repository is empty.' });
          if (m[1] !== (entry.repo.defaultBranch ?? 'main')) return send(404, { message: 'Not Found' });
          return send(200, { ref: `refs/heads/${m[1]}`, object: { sha: entry.head, type: 'commit' } });
        }
        if ((m = rest.match(/^git\/trees\/([^/]+)$/))) {
          if (m[1] !== entry.head) return send(404, { message: 'Not Found' });
          trees.set(full, (trees.get(full) ?? 0) + 1);
          return send(200, { sha: entry.head, truncated: false, tree: entry.tree.map((t) => ({ ...t, type: 'blob', mode: '100644' })) });
        }
        if ((m = rest.match(/^tarball\/([^/]+)$/))) {
          if (m[1] !== entry.head) return send(404, { message: 'Not Found' });
          if (self.archiveStatus) return send(self.archiveStatus, { message: 'Not Found' });
          archives.set(full, (archives.get(full) ?? 0) + 1);
          const gz = tarGz(`${org}-${entry.repo.name}-${entry.head.slice(0, 7)}`, entry.head, entry.repo.files);
          res.writeHead(200, { 'content-type': 'application/x-gzip', 'content-length': String(gz.length) });
          res.end(gz);
          return;
        }
        if ((m = rest.match(/^git\/blobs\/([^/]+)$/))) {
          const b = blobs.get(m[1]!);
          if (!b || !entry.tree.some((t) => t.sha === m![1])) return send(404, { message: 'Not Found' });
          return send(200, { sha: m[1], size: b.length, encoding: 'base64', content: Buffer.from(b).toString('base64') });
        }
        if ((m = rest.match(/^contents\/(.+)$/))) {
          if (entry.repo.name === '.github' && m[1] === '.github/tokenwarden.yml' && orgPolicy !== undefined) {
            return send(200, { type: 'file', path: m[1], encoding: 'base64', content: Buffer.from(orgPolicy).toString('base64'), size: orgPolicy.length, sha: sha1(orgPolicy) });
          }
          const f = entry.repo.files[m[1]!];
          if (f === undefined) return send(404, { message: 'Not Found' });
          const bytes = typeof f === 'string' ? Buffer.from(f) : Buffer.from(f);
          return send(200, { type: 'file', path: m[1], encoding: 'base64', content: bytes.toString('base64'), size: bytes.length, sha: sha1(bytes) });
        }
      }
      return send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  self = {
    url: `http://127.0.0.1:${port}/api/v3`,
    requests,
    get limited() {
      return fault.limited;
    },
    treeFetches: () => new Map(trees),
    archives: () => new Map(archives),
    archiveStatus: undefined,
    rateLimitEvery(every, retryAfter = 1) {
      fault.every = every;
      fault.retryAfter = retryAfter;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return self;
}
