/**
 * The GitHub Action's step (action.yml): decide what to scan from the event, run the CLI for the log
 * (text) and for code scanning (SARIF), and write the step's outputs and summary. It never fails the job
 * itself: action.yml uploads the SARIF first, then fails by `fail-on`.
 *
 * Inputs arrive as INPUT_* variables (action.yml passes them explicitly): MODE auto|tree|diff|history,
 * PATH, DIFF (a range for mode diff), HISTORY (a range for mode history), CONFIG, BASELINE, SARIF_FILE.
 *   auto: a pull request → the lines it adds (`--diff BASE..HEAD`, the base fetched when missing);
 *         anything else → the files at the checked-out commit.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ActionEnv {
  [name: string]: string | undefined;
}

/** Runs the CLI with these arguments; stdout and stderr are captured. */
export type CliRunner = (args: string[], cwd: string) => Promise<{ code: number; stdout: string; stderr: string }>;

export interface ActionResult {
  /** The CLI's exit code for the scan: 0 pass/warn, 1 a finding at level fail, 2 usage or configuration error. */
  exitCode: number;
  verdict: 'pass' | 'warn' | 'fail' | 'error';
  args: string[];
  sarifFile: string;
}

const input = (env: ActionEnv, name: string): string => (env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? '').trim();

interface PullRequestEvent {
  pull_request?: { base?: { sha?: string }; head?: { sha?: string } };
}

function gitOk(cwd: string, args: string[]): boolean {
  return spawnSync('git', args, { cwd, stdio: 'ignore' }).status === 0;
}

/** The scan's arguments (without --format/--output) for this event and these inputs. */
export function scanArgs(env: ActionEnv, cwd: string, log: (line: string) => void = () => undefined): string[] {
  const mode = input(env, 'mode') || 'auto';
  const paths = input(env, 'path')
    .split(/\s+/)
    .filter((p) => p && p !== '.');
  const args = ['scan', ...paths];
  const config = input(env, 'config');
  const baseline = input(env, 'baseline');
  if (config) args.push('--config', config);
  if (baseline) args.push('--baseline', baseline);
  if (!['auto', 'tree', 'diff', 'history'].includes(mode)) throw new Error(`input mode must be auto, tree, diff or history (got '${mode}')`);

  if (mode === 'diff') {
    const range = input(env, 'diff');
    if (!range) throw new Error("input mode 'diff' needs the input diff: a range such as origin/main..HEAD");
    return [...args, '--diff', range];
  }
  if (mode === 'history') {
    const range = input(env, 'history');
    return [...args, range ? `--history=${range}` : '--history'];
  }
  if (mode === 'tree') return args;

  // auto: a pull request is judged by the lines it adds.
  const event = env.GITHUB_EVENT_NAME ?? '';
  if ((event === 'pull_request' || event === 'pull_request_target') && env.GITHUB_EVENT_PATH) {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PullRequestEvent;
    const base = payload.pull_request?.base?.sha;
    if (base && /^[0-9a-f]{40,64}$/.test(base)) {
      // actions/checkout fetches one commit (the merge of the PR into its base): fetch the base too.
      // BASE..HEAD on that merge commit is exactly what the pull request adds to the base as it is now.
      if (!gitOk(cwd, ['cat-file', '-e', `${base}^{commit}`])) {
        log(`fetching the pull request's base ${base.slice(0, 12)}`);
        gitOk(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', base]);
      }
      return [...args, '--diff', `${base}..HEAD`];
    }
  }
  return args;
}

function verdictOf(code: number): ActionResult['verdict'] {
  return code === 0 ? 'pass' : code === 1 ? 'fail' : 'error';
}

export async function runAction(env: ActionEnv, cwd: string, cli: CliRunner, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<ActionResult> {
  const sarifFile = input(env, 'sarif-file') || 'tokenwarden.sarif';
  let args: string[];
  try {
    args = scanArgs(env, cwd, log);
  } catch (e) {
    log(`::error title=Token Warden::${(e as Error).message}`);
    writeOutputs(env, { exitCode: 2, verdict: 'error', args: [], sarifFile: '' });
    return { exitCode: 2, verdict: 'error', args: [], sarifFile: '' };
  }
  log(`tokenwarden ${args.join(' ')}`);
  const text = await cli([...args, '--no-color'], cwd);
  log(text.stdout.trimEnd());
  if (text.stderr.trim()) log(text.stderr.trimEnd());
  let exitCode = text.code;
  let verdict = verdictOf(exitCode);
  if (exitCode === 0 && /^WARN:/m.test(text.stdout)) verdict = 'warn';
  let written = '';
  if (exitCode !== 2) {
    // The same scan for code scanning. Its exit code is the same verdict.
    const sarif = await cli([...args, '--format', 'sarif', '--output', sarifFile, '--quiet'], cwd);
    if (sarif.code === 2) {
      log(sarif.stderr.trimEnd());
      exitCode = 2;
      verdict = 'error';
    } else written = sarifFile;
  } else {
    const first = (text.stderr.split('\n').find((l) => l.startsWith('tokenwarden:')) ?? 'the scan could not run').replace(/^tokenwarden: /, '');
    log(`::error title=Token Warden::${first}`);
  }
  const result: ActionResult = { exitCode, verdict, args, sarifFile: written };
  writeOutputs(env, result);
  if (env.GITHUB_STEP_SUMMARY) {
    const body = (text.stdout + (exitCode === 2 ? text.stderr : '')).trimEnd().replace(/```/g, "'''");
    appendFileSync(env.GITHUB_STEP_SUMMARY, `### Token Warden: ${verdict.toUpperCase()}\n\n\`tokenwarden ${args.join(' ')}\`\n\n\`\`\`\n${body}\n\`\`\`\n`);
  }
  return result;
}

function writeOutputs(env: ActionEnv, r: ActionResult): void {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(env.GITHUB_OUTPUT, `exit-code=${r.exitCode}\nverdict=${r.verdict}\nsarif-file=${r.sarifFile}\n`);
}

/** The CLI beside this file in the action's checkout: the bundle when built, else tsc's output. */
function processCli(): CliRunner {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const bundle = resolve(here, '../../cli.js');
  const main = resolve(here, '../cli/main.js');
  let entry = main;
  try {
    readFileSync(bundle);
    entry = bundle;
  } catch {
    // no bundle: tsc's entry point
  }
  return async (args, cwd) => {
    const r = spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { code: r.status ?? 2, stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error ? String(r.error) : '') };
  };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
  runAction(process.env, cwd, processCli()).then(
    () => undefined,
    (e: unknown) => {
      process.stdout.write(`::error title=Token Warden::${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
