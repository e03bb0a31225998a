/**
 * `tokenwarden audit verify|export`: check the App's hash-chained audit trail and hand it to a SIEM, on
 * the embedded store (a data directory) or on PostgreSQL, chosen as the App chooses: --database-url /
 * DATABASE_URL, else --data-dir / TOKENWARDEN_DATA_DIR (default ./.tokenwarden). Read only: the schema is
 * never migrated from here, and a data directory that holds no store is not created.
 */
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_DATA_DIR, openStore, StoreError, type AuditKind, type Store, type StoreOptions } from '../store/index.js';
import { AUDIT_KINDS } from '../audit/canonical.js';
import { parsePin, verifyChain, type VerifyResult } from '../audit/chain.js';
import { exportRecords, type ExportFormat } from '../audit/export.js';
import { oneOf, parseCommandArgs, usageError } from './args.js';
import { HELP } from './help.js';
import { CliError, EXIT, type Io, type OutStream } from './io.js';

const STORE_OPTIONS = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A PostgreSQL URL fit to print: no password, no query string. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'the given PostgreSQL URL';
  }
}

interface Target {
  options: StoreOptions;
  /** Where, for messages. */
  where: string;
}

function target(io: Io, v: { 'data-dir'?: string; 'database-url'?: string }): Target {
  if (v['data-dir'] !== undefined && v['database-url'] !== undefined) throw usageError('audit', 'give --data-dir or --database-url, not both');
  const url = (v['data-dir'] === undefined ? (v['database-url'] ?? io.env.DATABASE_URL) : undefined)?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      throw new CliError(
        `${v['database-url'] !== undefined ? '--database-url' : 'DATABASE_URL'} must be a postgres:// or postgresql:// URL`,
        "pass the App's DATABASE_URL, or --data-dir for the embedded store",
      );
    }
    return { options: { backend: 'postgres', connectionString: url, poolSize: 2, migrate: false, instanceId: `cli:${process.pid}` }, where: `PostgreSQL ${shownUrl(url)}` };
  }
  const raw = (v['data-dir'] ?? io.env.TOKENWARDEN_DATA_DIR)?.trim() || DEFAULT_DATA_DIR;
  if (raw === 'memory:')
    throw new CliError(
      'TOKENWARDEN_DATA_DIR is memory: — an in-memory store is gone when its process exits; there is no trail to read',
      "pass --data-dir with the App's data directory, or --database-url",
    );
  const dir = resolve(io.cwd, raw);
  if (!existsSync(join(dir, 'pglite'))) {
    throw new CliError(
      `no Token Warden store in ${dir} (no pglite/ directory there)`,
      "pass the App's data directory (--data-dir, or TOKENWARDEN_DATA_DIR as the App has it), or --database-url / DATABASE_URL for PostgreSQL",
    );
  }
  return { options: { backend: 'pglite', dataDir: dir, migrate: false, instanceId: `cli:${process.pid}` }, where: `the embedded store in ${dir}` };
}

async function open(t: Target): Promise<Store> {
  try {
    return await openStore(t.options);
  } catch (e) {
    if (e instanceof StoreError) {
      switch (e.code) {
        case 'DATA_DIR_LOCKED':
          throw new CliError(`${t.where} is in use: ${e.message.split('. ')[0]}`, 'the embedded store serves one process: stop the App (or run the command where the App runs PostgreSQL), then retry');
        case 'SCHEMA_TOO_OLD':
          throw new CliError(`${t.where} has no audit trail yet: ${e.message}`, 'start the App of this release once (it migrates the store), then retry');
        case 'SCHEMA_TOO_NEW':
          throw new CliError(`${t.where} was written by a newer Token Warden: ${e.message}`, 'run this command with the release the App runs');
        default:
          throw new CliError(`cannot use ${t.where}: ${e.message}`, 'check the store settings (--data-dir / --database-url)');
      }
    }
    const err = e as NodeJS.ErrnoException;
    throw new CliError(
      `cannot open ${t.where}: ${err.code ? `${err.code}: ` : ''}${err.message}`,
      'check that the database is reachable and the URL, user and password (PGPASSWORD or ~/.pgpass) are right',
    );
  }
}

// ── verify ───────────────────────────────────────────────────────────────────────────────────────────

function summary(r: VerifyResult): string {
  const cp = r.lastCheckpoint ? `last checkpoint ${r.lastCheckpoint.seq}:${r.lastCheckpoint.digest} at ${r.lastCheckpoint.time.toISOString()}` : 'no checkpoint';
  if (r.ok) {
    if (r.head.seq === 0) return 'audit trail intact: 0 records (the trail is empty)\n';
    const range = r.from > 1 ? ` (records ${r.from}–${r.head.seq})` : '';
    const pinned = r.pinned ? `, pin ${r.pinned.seq} matches` : '';
    return `audit trail intact: ${r.records} records${range}, head ${r.head.seq}:${r.head.digest}, ${cp}${pinned}\n`;
  }
  const good = r.lastGood ? `${r.records} records before it verified (last good ${r.lastGood.seq}:${r.lastGood.digest})` : 'no record before it verified';
  const before = r.lastCheckpoint ? `last checkpoint before it ${r.lastCheckpoint.seq}:${r.lastCheckpoint.digest}` : 'no checkpoint before it';
  return `audit trail BROKEN at record ${r.break.seq} (${r.break.reason}): ${r.break.message}\n  ${good}; ${before}\n`;
}

const jsonResult = (r: VerifyResult): string => `${JSON.stringify(r, null, 2)}\n`;

async function verify(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseCommandArgs('audit', argv, {
    ...STORE_OPTIONS,
    pin: { type: 'string' },
    from: { type: 'string' },
    format: { type: 'string', short: 'f' },
  });
  if (v.help) {
    io.stdout.write(HELP.audit);
    return EXIT.ok;
  }
  if (positionals.length) throw usageError('audit', `audit verify takes no arguments (got '${positionals[0]}')`);
  const format = oneOf('audit', 'format', v.format, ['text', 'json'] as const, 'text');
  const pin = v.pin === undefined ? undefined : parsePin(v.pin);
  if (v.pin !== undefined && !pin) throw usageError('audit', `--pin must be SEQ:DIGEST, a record number and its 64-hex-digit digest as 'audit verify' prints them (got '${v.pin.slice(0, 100)}')`);
  let from: number | undefined;
  if (v.from !== undefined) {
    from = Number(v.from);
    if (!/^\d{1,15}$/.test(v.from) || from < 1) throw usageError('audit', `--from must be a record number of at least 1 (got '${v.from}')`);
  }
  const store = await open(target(io, v));
  try {
    const result = await verifyChain(store, { ...(from ? { from } : {}), ...(pin ? { pin } : {}) });
    io.stdout.write(format === 'json' ? jsonResult(result) : summary(result));
    return result.ok ? EXIT.ok : EXIT.findings;
  } finally {
    await store.close();
  }
}

// ── export ───────────────────────────────────────────────────────────────────────────────────────────

/** YYYY-MM-DD (midnight UTC) or an ISO 8601 time with Z or an offset. */
function parseTime(flag: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const s = value.trim();
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(s) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s);
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
  if (!ok || Number.isNaN(d.getTime())) {
    throw usageError('audit', `--${flag} must be a date (YYYY-MM-DD, midnight UTC) or a time with its zone (2026-06-15T08:00:00Z) (got '${value.slice(0, 60)}')`);
  }
  return d;
}

/** Writes with back-pressure: lines are gathered into chunks, and a full stream is waited for. */
class Sink {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly out: OutStream | WriteStream) {}
  async line(s: string): Promise<void> {
    this.buf.push(s, '\n');
    this.size += s.length + 1;
    if (this.size >= 64 * 1024) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.buf.length) return;
    const chunk = this.buf.join('');
    this.buf = [];
    this.size = 0;
    const ok = this.out.write(chunk);
    const s = this.out as { once?: (ev: string, fn: () => void) => unknown };
    if (ok === false && typeof s.once === 'function') await new Promise<void>((r) => s.once!('drain', r));
  }
}

async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseCommandArgs('audit', argv, {
    ...STORE_OPTIONS,
    since: { type: 'string' },
    until: { type: 'string' },
    repo: { type: 'string' },
    kind: { type: 'string', multiple: true },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
  });
  if (v.help) {
    io.stdout.write(HELP.audit);
    return EXIT.ok;
  }
  if (positionals.length) throw usageError('audit', `audit export takes no arguments (got '${positionals[0]}')`);
  const format: ExportFormat = oneOf('audit', 'format', v.format, ['jsonl', 'csv'] as const, 'jsonl');
  const since = parseTime('since', v.since);
  const until = parseTime('until', v.until);
  if (since && until && until.getTime() <= since.getTime()) throw usageError('audit', '--until must be after --since');
  const repo = v.repo?.trim();
  if (repo !== undefined && !/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/.test(repo)) throw usageError('audit', `--repo must be OWNER/NAME (got '${v.repo!.slice(0, 100)}')`);
  const kinds = v.kind?.flatMap((k) => k.split(',')).map((k) => k.trim());
  for (const k of kinds ?? []) if (!AUDIT_KINDS.includes(k as AuditKind)) throw usageError('audit', `--kind must be one of ${AUDIT_KINDS.join(', ')} (got '${k}')`);
  const t = target(io, v);

  let file: WriteStream | undefined;
  if (v.output !== undefined) {
    const path = resolve(io.cwd, v.output);
    file = createWriteStream(path, { flags: 'w', mode: 0o600 });
    await new Promise<void>((ok, fail) => {
      file!.once('open', () => ok());
      file!.once('error', (e: NodeJS.ErrnoException) => fail(new CliError(`cannot write --output ${v.output}: ${e.code ?? e.message}`, 'pass a path in an existing, writable directory')));
    });
  }
  let n = 0;
  try {
    const store = await open(t);
    try {
      const sink = new Sink(file ?? io.stdout);
      for await (const line of exportRecords(store, {
        format,
        ...(since ? { since } : {}),
        ...(until ? { until } : {}),
        ...(repo ? { repo } : {}),
        ...(kinds ? { kinds: kinds as AuditKind[] } : {}),
      })) {
        await sink.line(line);
        n += 1;
      }
      await sink.flush();
    } finally {
      await store.close();
    }
  } finally {
    if (file) await new Promise<void>((r) => file.end(() => r()));
  }
  const records = format === 'csv' ? n - 1 : n;
  if (file) io.stdout.write(`exported ${records} record${records === 1 ? '' : 's'} to ${v.output}\n`);
  return EXIT.ok;
}

export async function auditCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'verify':
      return verify(rest, io);
    case 'export':
      return exportCommand(rest, io);
    case '-h':
    case '--help':
    case 'help':
      io.stdout.write(HELP.audit);
      return EXIT.ok;
    case undefined:
      throw usageError('audit', 'audit needs a subcommand: verify or export');
    default:
      throw usageError('audit', `unknown audit subcommand '${sub}' (use verify or export)`);
  }
}
