/** `tokenwarden baseline`: record the fingerprints of today's findings. */
import { join, resolve } from 'node:path';
import { parseCommandArgs, todayFrom } from './args.js';
import { HELP } from './help.js';
import { EXIT, type Io } from './io.js';
import { BASELINE_FILE, buildBaseline, writeBaseline } from './baseline.js';
import { runScan } from './scan.js';
import { toolVersion } from './version.js';

export async function baselineCommand(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseCommandArgs('baseline', argv, {
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    help: { type: 'boolean', short: 'h' },
    today: { type: 'string' },
  });
  if (v.help) {
    io.stdout.write(HELP.baseline);
    return EXIT.ok;
  }
  const today = todayFrom('baseline', v.today, io.now());
  const { result, root } = await runScan({ paths: positionals, config: v.config, baseline: false, today, showProgress: io.stderr.isTTY === true }, io);
  const file = buildBaseline(result.findings, today, `tokenwarden ${toolVersion()}`);
  const target = v.output ? resolve(io.cwd, v.output) : join(root, BASELINE_FILE);
  await writeBaseline(target, file);
  const n = Object.keys(file.findings).length;
  io.stdout.write(`wrote ${n} fingerprint${n === 1 ? '' : 's'} to ${v.output ?? BASELINE_FILE}`);
  io.stdout.write(result.excepted.length ? ` (${result.excepted.length} finding(s) covered by policy exceptions are not included)\n` : '\n');
  if (n) io.stdout.write('A baselined secret is still leaked: revoke and rotate it, then remove it from the baseline.\n');
  return EXIT.ok;
}
