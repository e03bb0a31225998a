/**
 * `tokenwarden report [PATH]`: the evidence report for one repository (docs/evidence.md). Scans the
 * working tree now (findings, the token inventory's credentials, the policy's exceptions) and, when a
 * store is given (--data-dir / --database-url, or TOKENWARDEN_DATA_DIR / DATABASE_URL as the App has
 * them), adds the history from the App's audit trail — verified first. Read only: the store is never
 * migrated or written.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { allRules } from '../engine/registry.js';
import { INVENTORY_PATHS, credentialStatuses, isWorkflowFile, parseInventory, referencedSecrets, statusOptionsFromPolicy } from '../engine/inventory/index.js';
import { openStore, StoreError, type Store, type StoreOptions } from '../store/index.js';
import { ruleSetVersion } from '../audit/records.js';
import { buildEvidence, isPackName, packOfPolicy, PACK_LIST, renderEvidence, EVIDENCE_FORMATS, type EvidenceFormat, type PackName, type ScanFacts } from '../report/evidence/index.js';
import { oneOf, parseCommandArgs, todayFrom, usageError } from './args.js';
import { HELP } from './help.js';
import { CliError, EXIT, type Io } from './io.js';
import { git, workTreeTop } from './git.js';
import { runScan } from './scan.js';
import { toolVersion } from './version.js';

const DAY = 86_400_000;
/** Without --since: this many days before --until. */
export const DEFAULT_PERIOD_DAYS = 90;

/** YYYY-MM-DD (midnight UTC) or an ISO time with its zone. */
function parseTime(flag: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const s = value.trim();
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(s);
  const ok = isDay || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s);
  const d = new Date(isDay ? `${s}T00:00:00Z` : s);
  if (!ok || Number.isNaN(d.getTime())) throw usageError('report', `--${flag} must be a date (YYYY-MM-DD, midnight UTC) or a time with its zone (2026-06-15T08:00:00Z) (got '${value.slice(0, 60)}')`);
  return d;
}

/** The period: --until (default now), --since (default 90 days before it). */
export function periodFrom(command: 'report', since: string | undefined, until: string | undefined, now: Date): { since: Date; until: Date } {
  const u = parseTime('until', until) ?? now;
  const s = parseTime('since', since) ?? new Date(u.getTime() - DEFAULT_PERIOD_DAYS * DAY);
  if (u.getTime() <= s.getTime()) throw usageError(command, '--until must be after --since');
  return { since: s, until: u };
}

/** `owner/name` from the origin remote's URL (https, ssh or scp form), if it has one. */
export function repoFromRemote(url: string): string | undefined {
  const m = /[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** The store, when one is named: flags first, then the App's environment; none otherwise. */
function storeOptions(io: Io, v: { 'data-dir'?: string; 'database-url'?: string }): { options: StoreOptions; where: string } | undefined {
  if (v['data-dir'] !== undefined && v['database-url'] !== undefined) throw usageError('report', 'give --data-dir or --database-url, not both');
  const url = (v['data-dir'] === undefined ? (v['database-url'] ?? io.env.DATABASE_URL) : undefined)?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url))
      throw new CliError(
        `${v['database-url'] !== undefined ? '--database-url' : 'DATABASE_URL'} must be a postgres:// or postgresql:// URL`,
        "pass the App's DATABASE_URL, or --data-dir for the embedded store",
      );
    let shown = 'PostgreSQL';
    try {
      const u = new URL(url);
      shown = `PostgreSQL ${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
    } catch {
      // shown without its address
    }
    return { options: { backend: 'postgres', connectionString: url, poolSize: 2, migrate: false, instanceId: `cli:${process.pid}` }, where: shown };
  }
  const raw = (v['data-dir'] ?? io.env.TOKENWARDEN_DATA_DIR)?.trim();
  if (!raw) return undefined;
  if (raw === 'memory:')
    throw new CliError(
      'TOKENWARDEN_DATA_DIR is memory: — an in-memory store is gone when its process exits; there is no trail to read',
      "pass --data-dir with the App's data directory, or --database-url",
    );
  const dir = resolve(io.cwd, raw);
  if (!existsSync(join(dir, 'pglite'))) {
    throw new CliError(
      `no Token Warden store in ${dir} (no pglite/ directory there)`,
      "pass the App's data directory (--data-dir, or TOKENWARDEN_DATA_DIR as the App has it), or --database-url / DATABASE_URL; without either the report has no history",
    );
  }
  return { options: { backend: 'pglite', dataDir: dir, migrate: false, instanceId: `cli:${process.pid}` }, where: `the embedded store in ${dir}` };
}

async function openOrExplain(t: { options: StoreOptions; where: string }): Promise<Store> {
  try {
    return await openStore(t.options);
  } catch (e) {
    if (e instanceof StoreError) {
      if (e.code === 'DATA_DIR_LOCKED')
        throw new CliError(`${t.where} is in use: ${e.message.split('. ')[0]}`, "the embedded store serves one process: stop the App (or use the App's GET /api/report), then retry");
      if (e.code === 'SCHEMA_TOO_OLD') throw new CliError(`${t.where} has no audit trail yet: ${e.message}`, 'start the App of this release once (it migrates the store), then retry');
      throw new CliError(`cannot use ${t.where}: ${e.message}`, 'check the store settings (--data-dir / --database-url)');
    }
    const err = e as NodeJS.ErrnoException;
    throw new CliError(
      `cannot open ${t.where}: ${err.code ? `${err.code}: ` : ''}${err.message}`,
      'check that the database is reachable and the URL, user and password (PGPASSWORD or ~/.pgpass) are right',
    );
  }
}

async function readIfExists(abs: string): Promise<string | undefined> {
  try {
    return await readFile(abs, 'utf8');
  } catch {
    return undefined;
  }
}

/** The token inventory as `inventory check` judges it, or null when the repository has none. */
async function inventoryOf(root: string, scan: Pick<ScanFacts, 'policy' | 'today'>): Promise<ScanFacts['inventory']> {
  let inv: { path: string; text: string } | undefined;
  for (const p of INVENTORY_PATHS) {
    const text = await readIfExists(join(root, p));
    if (text !== undefined) {
      inv = { path: p, text };
      break;
    }
  }
  if (!inv) return null;
  let names: string[] = [];
  try {
    names = (await readdir(join(root, '.github', 'workflows'))).sort();
  } catch {
    // no workflows
  }
  const files: Array<{ path: string; text: string }> = [];
  for (const n of names) {
    const path = `.github/workflows/${n}`;
    if (!isWorkflowFile(path)) continue;
    const text = await readIfExists(join(root, path));
    if (text !== undefined) files.push({ path, text });
  }
  const refs = referencedSecrets(files);
  const parsed = parseInventory(inv.path, inv.text);
  const credentials = credentialStatuses(parsed.entries, { today: scan.today, ...statusOptionsFromPolicy(scan.policy), ...(refs.files.length ? { referenced: refs } : {}) });
  return { path: inv.path, entries: parsed.entries, credentials, errors: parsed.errors.length };
}

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseCommandArgs('report', argv, {
    since: { type: 'string' },
    until: { type: 'string' },
    pack: { type: 'string' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    repo: { type: 'string' },
    config: { type: 'string', short: 'c' },
    today: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) {
    io.stdout.write(HELP.report);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw usageError('report', 'report takes one PATH (the repository; default: the current directory)');
  const format: EvidenceFormat = oneOf(
    'report',
    'format',
    v.format,
    EVIDENCE_FORMATS,
    v.output?.match(/\.(html?|md|json)$/i) ? (v.output.toLowerCase().endsWith('.md') ? 'md' : v.output.toLowerCase().endsWith('.json') ? 'json' : 'html') : 'html',
  );
  if (v.pack !== undefined && !isPackName(v.pack)) throw usageError('report', `--pack must be one of ${PACK_LIST.join(', ')} (got '${v.pack}')`);
  const repoFlag = v.repo?.trim();
  if (repoFlag !== undefined && !/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/.test(repoFlag)) throw usageError('report', `--repo must be OWNER/NAME (got '${v.repo!.slice(0, 100)}')`);
  const now = io.now();
  const today = todayFrom('report', v.today, now);
  const period = periodFrom('report', v.since, v.until, now);
  const target = storeOptions(io, v);

  const path = resolve(io.cwd, positionals[0] ?? '.');
  try {
    if (!(await stat(path)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new CliError(`no such directory: ${positionals[0] ?? '.'}`, 'pass the repository directory (default: the current directory)');
  }
  const root = (await workTreeTop(path)) ?? path;
  const remote = await git(root, ['remote', 'get-url', 'origin']);
  const repository = repoFlag ?? (remote && remote.code === 0 ? repoFromRemote(remote.stdout.toString('utf8')) : undefined) ?? basename(root);

  // The scan as `tokenwarden scan` runs it, without a baseline: a baselined secret is still leaked.
  const outcome = await runScan({ paths: [path], config: v.config, baseline: false, today, showProgress: false }, { ...io, cwd: io.cwd });
  const facts: ScanFacts = { repository, today, policy: outcome.policy, result: outcome.result, ruleSet: ruleSetVersion(), inventory: null };
  facts.inventory = await inventoryOf(outcome.root, facts);
  const pack: PackName = v.pack ?? packOfPolicy(outcome.policy.sources);

  const store = target ? await openOrExplain(target) : undefined;
  let text: string;
  let broken = false;
  try {
    const report = await buildEvidence({
      since: period.since,
      until: period.until,
      pack,
      now,
      scope: { kind: 'repository', installation: null, repository },
      store: store ?? null,
      scan: facts,
      rules: allRules,
      tool: toolVersion(),
    });
    broken = report.chain?.intact === false;
    text = renderEvidence(report, format);
  } finally {
    await store?.close();
  }
  if (v.output !== undefined) {
    try {
      await writeFile(resolve(io.cwd, v.output), text, { mode: 0o644 });
    } catch (e) {
      throw new CliError(`cannot write --output ${v.output}: ${(e as NodeJS.ErrnoException).code ?? e}`, 'pass a path in an existing, writable directory');
    }
    io.stdout.write(`wrote the evidence report for ${repository} (${format}, pack ${pack}) to ${v.output}\n`);
  } else io.stdout.write(text);
  if (broken) io.stderr.write("tokenwarden: the audit trail is BROKEN (see the report); run 'tokenwarden audit verify' for the first broken record\n");
  return broken ? EXIT.findings : EXIT.ok;
}
