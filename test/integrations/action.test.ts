import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runAction, scanArgs, type CliRunner } from '../../src/action/run.js';
import { githubToken } from '../helpers/tokens.js';
import { tempDir, tempRepo, tw, write } from '../cli/harness.js';

const token = githubToken('ghp', 'action-test');

/** The CLI in-process, as the action's step runs it in a process of its own. */
const cli: CliRunner = async (args, cwd) => tw(args, { cwd });

/** A runner's environment: the event, the step's output and summary files, the action's inputs. */
function runnerEnv(dir: string, event: string, payload: object, inputs: Record<string, string> = {}) {
  const scratch = tempDir();
  const files = { event: join(scratch, 'event.json'), output: join(scratch, 'output'), summary: join(scratch, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: dir,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase().replace(/-/g, '_')}`] = v;
  const outputs = (): Record<string, string> =>
    Object.fromEntries(
      readFileSync(files.output, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
  return { env, outputs, summary: () => readFileSync(files.summary, 'utf8') };
}

describe('the GitHub Action step (src/action/run.ts)', () => {
  it('a pull request: judges the lines it adds, writes SARIF, outputs the verdict and a job summary', async () => {
    const repo = tempRepo();
    write(repo.dir, { 'old.env': `LEGACY=${githubToken('ghp', 'action-old')}\n`, 'README.md': '# x\n' });
    repo.commit('base');
    const base = repo.git('rev-parse', 'HEAD').trim();
    write(repo.dir, { 'src/config.ts': `export const t = "${token}";\n` });
    repo.commit('pr');
    const lines: string[] = [];
    const run = runnerEnv(repo.dir, 'pull_request', { pull_request: { base: { sha: base }, head: { sha: repo.git('rev-parse', 'HEAD').trim() } } });
    const r = await runAction(run.env, repo.dir, cli, (l) => lines.push(l));
    expect(r.args).toEqual(['scan', '--diff', `${base}..HEAD`]);
    expect(r).toMatchObject({ exitCode: 1, verdict: 'fail', sarifFile: 'tokenwarden.sarif' });
    expect(run.outputs()).toEqual({ 'exit-code': '1', verdict: 'fail', 'sarif-file': 'tokenwarden.sarif' });
    const sarif = JSON.parse(readFileSync(join(repo.dir, 'tokenwarden.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual([
      'src/config.ts',
    ]);
    expect(lines.join('\n')).toContain('src/config.ts:1:');
    expect(run.summary()).toMatch(/^### Token Warden: FAIL/);
    const all = lines.join('\n') + run.summary() + readFileSync(join(repo.dir, 'tokenwarden.sarif'), 'utf8');
    expect(all).not.toContain(token);
  });

  it('a push: the files at the commit; a clean tree passes', async () => {
    const repo = tempRepo();
    write(repo.dir, { 'a.ts': 'export const a = 1;\n' });
    repo.commit('one');
    const run = runnerEnv(repo.dir, 'push', {});
    const r = await runAction(run.env, repo.dir, cli, () => undefined);
    expect(r.args).toEqual(['scan']);
    expect(run.outputs()).toMatchObject({ 'exit-code': '0', verdict: 'pass' });
  });

  it('mode history and inputs: config, baseline, paths, a range', async () => {
    const dir = tempDir();
    const env = (inputs: Record<string, string>) => runnerEnv(dir, 'push', {}, inputs).env;
    expect(scanArgs(env({ mode: 'history' }), dir)).toEqual(['scan', '--history']);
    expect(scanArgs(env({ mode: 'history', history: 'v1..HEAD', path: 'src lib', config: 'p.yml', baseline: 'b.json' }), dir)).toEqual([
      'scan',
      'src',
      'lib',
      '--config',
      'p.yml',
      '--baseline',
      'b.json',
      '--history=v1..HEAD',
    ]);
    expect(scanArgs(env({ mode: 'diff', diff: 'origin/main..HEAD' }), dir)).toEqual(['scan', '--diff', 'origin/main..HEAD']);
    expect(() => scanArgs(env({ mode: 'diff' }), dir)).toThrow(/needs the input diff/);
    expect(() => scanArgs(env({ mode: 'nope' }), dir)).toThrow(/auto, tree, diff or history/);
  });

  it('a scan that cannot run is an error, with the reason as an annotation, and no SARIF to upload', async () => {
    const repo = tempRepo();
    write(repo.dir, { 'a.ts': '1\n' });
    repo.commit('one');
    const lines: string[] = [];
    const run = runnerEnv(repo.dir, 'push', {}, { mode: 'history' });
    // A shallow clone, as actions/checkout makes by default.
    const shallow = tempDir();
    repo.git('clone', '-q', '--depth=1', `file://${repo.dir}`, shallow);
    const r = await runAction({ ...run.env, GITHUB_WORKSPACE: shallow }, shallow, cli, (l) => lines.push(l));
    expect(r).toMatchObject({ exitCode: 2, verdict: 'error', sarifFile: '' });
    expect(lines.join('\n')).toMatch(/::error title=Token Warden::--history needs the full history/);
    expect(run.outputs()['sarif-file']).toBe('');
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8'));
  it('is a composite action that runs the script, uploads SARIF with codeql-action and fails by policy', () => {
    expect(action.runs.using).toBe('composite');
    const steps = action.runs.steps as Array<Record<string, unknown>>;
    const scan = steps.find((s) => s.id === 'scan')!;
    expect(scan.run).toContain('dist/src/action/run.js');
    const upload = steps.find((s) => String(s.uses ?? '').startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with).toMatchObject({ sarif_file: '${{ steps.scan.outputs.sarif-file }}' });
    expect(String(upload.if)).toContain('always()');
    const verdict = steps[steps.length - 1]!;
    expect(String(verdict.run)).toContain('exit 1');
    // Every input the script reads is passed to it.
    for (const name of Object.keys(action.inputs)) {
      if (['upload-sarif', 'fail-on', 'node-version'].includes(name)) continue;
      expect((scan.env as Record<string, string>)[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`]).toBe(`\${{ inputs.${name} }}`);
    }
  });

  it('the example workflow uses it with the permission code scanning needs', () => {
    const wf = parse(readFileSync(new URL('../../examples/workflows/tokenwarden.yml', import.meta.url), 'utf8'));
    expect(wf.jobs.scan.permissions['security-events']).toBe('write');
    expect(wf.jobs.scan.steps.some((s: { uses?: string }) => s.uses?.startsWith('tokenwarden/tokenwarden@'))).toBe(true);
    expect(wf.jobs.history.steps[0].with['fetch-depth']).toBe(0);
  });
});
