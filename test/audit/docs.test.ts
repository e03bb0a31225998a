/**
 * docs/audit.md's "Verify independently" recipes, run as written on a real export: they agree with
 * verifyChain on an intact trail and name the record on a tampered one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { appendRecords, checkpoint, exportRecords, verifyChain } from '../../src/audit/index.js';

const DOC = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/audit.md'), 'utf8');

/** The fenced block of `lang` right after a "tested" marker. */
function block(lang: string): string {
  const re = new RegExp(`<!-- tested: test/audit/docs\\.test\\.ts[^>]*-->\\n\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\``, 'g');
  const m = re.exec(DOC);
  if (!m) throw new Error(`no tested ${lang} block in docs/audit.md`);
  return m[1]!;
}

const has = (cmd: string, arg = '--version'): boolean => spawnSync(cmd, [arg]).status === 0;

describe('docs/audit.md recipes', () => {
  let dir: string;
  let head: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tw-audit-docs-'));
    const store = await openStore({ backend: 'pglite', dataDir: null });
    try {
      for (let i = 0; i < 25; i++) {
        await appendRecords(store, [{ kind: i % 4 ? 'evaluation' : 'reminder', body: { repository: 'Acme/Ünïcödé', path: `dir/ä "q"\t${i}/😀.txt`, n: i, list: [true, null, -i] } }]);
        if (i === 20) await checkpoint(store);
      }
      const v = await verifyChain(store);
      if (!v.ok) throw new Error('not intact');
      head = `${v.head.seq}:${v.head.digest}`;
      const lines: string[] = [];
      for await (const l of exportRecords(store, { format: 'jsonl' })) lines.push(l);
      writeFileSync(join(dir, 'trail.jsonl'), `${lines.join('\n')}\n`);
      // A copy with record 9's body edited.
      lines[8] = lines[8]!.replace('"n":8', '"n":80');
      writeFileSync(join(dir, 'tampered.jsonl'), `${lines.join('\n')}\n`);
    } finally {
      await store.close();
    }
    const sh = block('bash')
      .split('\n')
      .filter((l) => !l.startsWith('tokenwarden '))
      .join('\n');
    writeFileSync(join(dir, 'recipe.sh'), sh);
    writeFileSync(join(dir, 'verify_trail.py'), block('python'));
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!has('jq') || !has('openssl', 'version'))(
    'the jq + openssl recipe agrees with verify, and names an edited record',
    () => {
      const ok = spawnSync('bash', ['recipe.sh'], { cwd: dir, encoding: 'utf8' });
      expect(ok.stdout.trim()).toBe(`intact: 26 records, head ${head}`);
      expect(ok.status).toBe(0);
      writeFileSync(join(dir, 'trail.jsonl.bak'), readFileSync(join(dir, 'trail.jsonl')));
      writeFileSync(join(dir, 'trail.jsonl'), readFileSync(join(dir, 'tampered.jsonl')));
      try {
        const bad = spawnSync('bash', ['recipe.sh'], { cwd: dir, encoding: 'utf8' });
        expect(bad.stdout.trim()).toBe('record 9 does not match its digest');
        expect(bad.status).toBe(1);
      } finally {
        writeFileSync(join(dir, 'trail.jsonl'), readFileSync(join(dir, 'trail.jsonl.bak')));
      }
    },
    60_000,
  );

  it.skipIf(!has('python3'))(
    'the Python script agrees with verify, checks a pin, and names an edited record',
    () => {
      const ok = spawnSync('python3', ['verify_trail.py', 'trail.jsonl', head], { cwd: dir, encoding: 'utf8' });
      expect(ok.stdout.trim()).toBe(`intact: 26 records, head ${head}`);
      const badPin = spawnSync('python3', ['verify_trail.py', 'trail.jsonl', `3:${'0'.repeat(64)}`], { cwd: dir, encoding: 'utf8' });
      expect(badPin.status).toBe(1);
      expect(badPin.stderr.trim()).toBe(`record 3 is not the pinned ${'0'.repeat(64)}`);
      const bad = spawnSync('python3', ['verify_trail.py', 'tampered.jsonl'], { cwd: dir, encoding: 'utf8' });
      expect(bad.status).toBe(1);
      expect(bad.stderr.trim()).toBe('record 9 does not match its digest');
    },
    60_000,
  );
});
