import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { githubToken } from '../helpers/tokens.js';
import { tempDir, tempRepo, tw, write } from './harness.js';

const first = githubToken('ghp', 'baseline-1');
const second = githubToken('gho', 'baseline-2');

describe('tokenwarden baseline', () => {
  it('round trip: record today, then report only new findings and say how many were baselined', async () => {
    const dir = tempDir();
    write(dir, { 'src/legacy.ts': `export const t = "${first}";\n` });
    const b = await tw(['baseline', '--today', '2026-06-15'], { cwd: dir });
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('wrote 1 fingerprint to .tokenwarden-baseline.json');
    const text = readFileSync(join(dir, '.tokenwarden-baseline.json'), 'utf8');
    expect(text).not.toContain(first);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ version: 1, created: '2026-06-15' });
    const [[fp, entry]] = Object.entries(file.findings) as [[string, { ruleId: string; path: string; excerpt: string }]];
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(entry).toMatchObject({ ruleId: 'secrets/github-token', path: 'src/legacy.ts' });
    expect(entry.excerpt).toContain('ghp_***');

    const again = await tw(['scan'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Not reported: 1 baselined in .tokenwarden-baseline.json');

    write(dir, { 'src/new.ts': `export const u = "${second}";\n` });
    const json = await tw(['scan', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.counts.baselined).toBe(1);
    expect(report.findings.map((f: { path: string }) => f.path)).toEqual(['src/new.ts']);
    expect(json.stdout).not.toContain(second);
  });

  it('--baseline FILE and --output FILE name other files', async () => {
    const dir = tempDir();
    write(dir, { 'a.txt': `k=${first}\n` });
    expect((await tw(['baseline', '--output', 'bl.json'], { cwd: dir })).code).toBe(0);
    expect((await tw(['scan'], { cwd: dir })).code).toBe(1); // the default file does not exist
    expect((await tw(['scan', '--baseline', 'bl.json'], { cwd: dir })).code).toBe(0);
  });

  it('in a git repository the default baseline lives at the repository top', async () => {
    const repo = tempRepo();
    write(repo.dir, { 'pkg/a.txt': `k=${first}\n` });
    repo.commit('base');
    const b = await tw(['baseline', '.'], { cwd: join(repo.dir, 'pkg') });
    expect(b.code).toBe(0);
    expect(readFileSync(join(repo.dir, '.tokenwarden-baseline.json'), 'utf8')).toContain('pkg/a.txt');
    expect((await tw(['scan'], { cwd: join(repo.dir, 'pkg') })).code).toBe(0);
  });

  it('a missing or malformed --baseline exits 2 with a fix', async () => {
    const dir = tempDir();
    write(dir, { 'bad.json': '{"version": 7}', 'broken.json': '{nope' });
    for (const file of ['missing.json', 'bad.json', 'broken.json']) {
      const r = await tw(['scan', '--baseline', file], { cwd: dir });
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toContain('fix:');
    }
  });
});
