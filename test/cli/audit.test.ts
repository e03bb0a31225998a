/**
 * `tokenwarden audit verify|export` end to end through the CLI harness, on an embedded data directory
 * filled the way the App fills it (and on PostgreSQL when TOKENWARDEN_TEST_DATABASE_URL is set).
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type StoreOptions } from '../../src/store/index.js';
import { appendRecords, checkpoint, GENESIS, recordDigest } from '../../src/audit/index.js';
import { postgresHarness } from '../store/helpers/harness.js';
import { tamper } from '../audit/helpers.js';
import { tw } from './harness.js';
import { seedDataDir } from '../app/helpers/data-dir.js';

const SLOW = 120_000;
const LINE = /^audit trail intact: (\d+) records, head (\d+):([0-9a-f]{64}), last checkpoint (\d+):([0-9a-f]{64}) at \S+Z\n$/;

/** 12 records over two repositories, a checkpoint after the 10th. */
async function fill(opts: StoreOptions): Promise<void> {
  const store = await openStore(opts);
  try {
    for (let i = 0; i < 10; i++) await appendRecords(store, [{ kind: 'evaluation', body: { repository: i % 2 ? 'acme/web' : 'acme/api', event: 'push', installation: 3, verdict: 'pass', n: i } }]);
    await checkpoint(store);
    await appendRecords(store, [
      { kind: 'reminder', body: { repository: 'acme/web', credential: 'NPM_TOKEN', status: 'overdue' } },
      { kind: 'evaluation', body: { repository: '=cmd|calc', event: 'push', verdict: 'fail' } },
    ]);
  } finally {
    await store.close();
  }
}

describe('tokenwarden audit (embedded store)', () => {
  let root: string;
  let dir: string;

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'tw-cli-audit-')));
    dir = join(root, 'data');
    // A copy of a migrated directory: a new one would run initdb (seconds of CPU).
    await fill({ backend: 'pglite', dataDir: await seedDataDir(dir) });
  }, SLOW);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(
    'verify: one line when intact — records, head SEQ:DIGEST, last checkpoint; exit 0',
    async () => {
      const r = await tw(['audit', 'verify', '--data-dir', dir], { cwd: root });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const m = LINE.exec(r.stdout);
      expect(m, r.stdout).not.toBeNull();
      expect(m!.slice(1, 3)).toEqual(['13', '13']);
      expect(m![4]).toBe('11');
    },
    SLOW,
  );

  it(
    'finds the store as the App does: TOKENWARDEN_DATA_DIR relative to the working directory',
    async () => {
      const r = await tw(['audit', 'verify'], { cwd: root, env: { TOKENWARDEN_DATA_DIR: relative(root, dir) } });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(LINE);
    },
    SLOW,
  );

  it(
    '--pin: the printed head verifies later; a digest that does not match is reported, exit 1',
    async () => {
      const first = await tw(['audit', 'verify', '--data-dir', dir], { cwd: root });
      const [, , seq, digest] = LINE.exec(first.stdout)!;
      const ok = await tw(['audit', 'verify', '--data-dir', dir, '--pin', `${seq}:${digest}`], { cwd: root });
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/pin 13 matches/);
      const bad = await tw(['audit', 'verify', '--data-dir', dir, '--pin', `5:${'0'.repeat(64)}`], { cwd: root });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/^audit trail BROKEN at record 5 \(pin\): record 5 has digest [0-9a-f]{64}, not the pinned 0{64}/);
      const json = await tw(['audit', 'verify', '--data-dir', dir, '--format', 'json'], { cwd: root });
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, records: 13, head: { seq: 13, digest } });
    },
    SLOW,
  );

  it(
    'export: JSON Lines to stdout that re-hash to their digests and chain; --repo and time filters; CSV to a file',
    async () => {
      const all = await tw(['audit', 'export', '--data-dir', dir], { cwd: root });
      expect(all.code).toBe(0);
      const lines = all.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(13);
      let prev = GENESIS;
      for (const l of lines) {
        const r = JSON.parse(l) as { seq: number; time: string; kind: 'evaluation'; body: Record<string, never>; prev: string; digest: string };
        expect(r.prev).toBe(prev);
        expect(recordDigest({ ...r, time: new Date(r.time) })).toBe(r.digest);
        prev = r.digest;
      }
      const web = await tw(['audit', 'export', '--data-dir', dir, '--repo', 'ACME/web', '--since', '2000-01-01', '--until', '2999-01-01T00:00:00Z'], { cwd: root });
      expect(
        web.stdout
          .trimEnd()
          .split('\n')
          .map((l) => (JSON.parse(l) as { body: { repository: string } }).body.repository),
      ).toEqual(Array(6).fill('acme/web'));
      const none = await tw(['audit', 'export', '--data-dir', dir, '--until', '2000-01-01'], { cwd: root });
      expect(none).toMatchObject({ code: 0, stdout: '' });
      const kinds = await tw(['audit', 'export', '--data-dir', dir, '--kind', 'reminder,checkpoint'], { cwd: root });
      expect(
        kinds.stdout
          .trimEnd()
          .split('\n')
          .map((l) => (JSON.parse(l) as { kind: string }).kind),
      ).toEqual(['checkpoint', 'reminder']);

      const csv = await tw(['audit', 'export', '--data-dir', dir, '--format', 'csv', '--output', 'trail.csv'], { cwd: root });
      expect(csv).toMatchObject({ code: 0, stdout: 'exported 13 records to trail.csv\n' });
      const text = readFileSync(join(root, 'trail.csv'), 'utf8').trimEnd().split('\n');
      expect(text[0]).toBe('seq,time,kind,repository,installation,event,delivery,verdict,prev,digest,body');
      expect(text).toHaveLength(14);
      // A cell a spreadsheet would run as a formula is defused; the body keeps the value as recorded.
      expect(text[13]).toMatch(/^13,[^,]+,evaluation,'=cmd\|calc,,push,,fail,/);
      expect(text[13]).toContain('"{""event"":""push"",""repository"":""=cmd|calc"",""verdict"":""fail""}"');
    },
    SLOW,
  );

  it(
    'a tampered record: verify names it, exit 1',
    async () => {
      const copy = join(root, 'tampered');
      await fill({ backend: 'pglite', dataDir: await seedDataDir(copy) });
      const store = await openStore({ backend: 'pglite', dataDir: copy });
      try {
        await tamper(store, async (tx) => void (await tx.query(`UPDATE tokenwarden.audit_record SET body = body || '{"verdict":"pass"}' WHERE seq = 12`)));
      } finally {
        await store.close();
      }
      const r = await tw(['audit', 'verify', '--data-dir', copy], { cwd: root });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^audit trail BROKEN at record 12 \(digest\): record 12 \(reminder, \S+\) does not match its digest/);
      expect(r.stdout).toMatch(/11 records before it verified \(last good 11:[0-9a-f]{64}\); last checkpoint before it 11:[0-9a-f]{64}\n$/);
    },
    SLOW,
  );

  it(
    'usage and configuration errors: exit 2 with the fix',
    async () => {
      const cases: Array<[string[], Record<string, string>, RegExp]> = [
        [['audit'], {}, /audit needs a subcommand: verify or export/],
        [['audit', 'frob'], {}, /unknown audit subcommand 'frob'/],
        [['audit', 'verify', '--data-dir', join(root, 'nowhere')], {}, /no Token Warden store in .*nowhere[\s\S]*fix: pass the App's data directory/],
        [['audit', 'verify'], { TOKENWARDEN_DATA_DIR: 'memory:' }, /in-memory store/],
        [['audit', 'verify', '--database-url', 'mysql://u@h/db'], {}, /must be a postgres:\/\/ or postgresql:\/\/ URL/],
        [['audit', 'verify'], { DATABASE_URL: 'mysql://u@h/db' }, /DATABASE_URL must be a postgres/],
        [['audit', 'verify', '--data-dir', dir, '--database-url', 'postgres://h/db'], {}, /not both/],
        [['audit', 'verify', '--data-dir', dir, '--pin', '12'], {}, /--pin must be SEQ:DIGEST/],
        [['audit', 'verify', '--data-dir', dir, '--from', '0'], {}, /--from must be a record number/],
        [['audit', 'export', '--data-dir', dir, '--since', 'yesterday'], {}, /--since must be a date/],
        [['audit', 'export', '--data-dir', dir, '--since', '2026-06-15T08:00'], {}, /with its zone/],
        [['audit', 'export', '--data-dir', dir, '--since', '2026-06-15', '--until', '2026-06-14'], {}, /--until must be after --since/],
        [['audit', 'export', '--data-dir', dir, '--repo', 'not a repo'], {}, /--repo must be OWNER\/NAME/],
        [['audit', 'export', '--data-dir', dir, '--kind', 'secret'], {}, /--kind must be one of/],
        [['audit', 'export', '--data-dir', dir, '--format', 'xml'], {}, /--format must be one of jsonl, csv/],
        [['audit', 'export', '--data-dir', dir, '--output', join(root, 'no', 'such', 'dir', 'x.jsonl')], {}, /cannot write --output/],
      ];
      for (const [argv, env, message] of cases) {
        const r = await tw(argv, { cwd: root, env });
        expect(r.code, argv.join(' ')).toBe(2);
        expect(r.stderr, argv.join(' ')).toMatch(message);
        expect(r.stderr).toMatch(/fix: /);
        expect(r.stderr).not.toMatch(/internal error/);
      }
    },
    SLOW,
  );

  it(
    'a data directory in use by the App is refused with the reason, exit 2',
    async () => {
      const store = await openStore({ backend: 'pglite', dataDir: dir });
      try {
        const r = await tw(['audit', 'verify', '--data-dir', dir], { cwd: root });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/is in use[\s\S]*fix: the embedded store serves one process/);
      } finally {
        await store.close();
      }
    },
    SLOW,
  );

  it('help names both subcommands and the store options', async () => {
    const r = await tw(['audit', '--help'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/audit verify[\s\S]*audit export[\s\S]*--database-url URL[\s\S]*--data-dir DIR/);
    expect((await tw(['--help'], { cwd: root })).stdout).toMatch(/tokenwarden audit verify\|export/);
  });
});

const pgh = postgresHarness();
describe.skipIf(!!pgh.skip)('tokenwarden audit (PostgreSQL)', () => {
  let opts: StoreOptions & { connectionString: string };

  beforeAll(async () => {
    opts = (await pgh.fresh()) as StoreOptions & { connectionString: string };
    await fill(opts);
  }, SLOW);

  afterAll(() => pgh.teardown(), SLOW);

  it(
    'verify and export with --database-url, and with DATABASE_URL as the App has it',
    async () => {
      const a = await tw(['audit', 'verify', '--database-url', opts.connectionString], { cwd: tmpdir() });
      expect(a.code).toBe(0);
      expect(a.stdout).toMatch(LINE);
      const b = await tw(['audit', 'export', '--format', 'csv'], { cwd: tmpdir(), env: { DATABASE_URL: opts.connectionString } });
      expect(b.code).toBe(0);
      expect(b.stdout.trimEnd().split('\n')).toHaveLength(14);
    },
    SLOW,
  );

  it(
    'an unreachable server is a configuration error that names it without a password',
    async () => {
      const u = new URL(opts.connectionString);
      u.port = '1';
      // Assembled at run time: the repository must pass its own scan.
      const pw = ['hun', 'ter', String(2)].join('');
      u.password = pw;
      const r = await tw(['audit', 'verify', '--database-url', u.toString()], { cwd: tmpdir() });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cannot open PostgreSQL postgres:\/\/[^ ]*:1\//);
      expect(r.stderr).not.toContain(pw);
    },
    SLOW,
  );
});
