/** The CLI as a function: `run(argv, io)` → exit code. `main.ts` binds it to the process. */
import { formatPolicyError } from '../engine/policy/load.js';
import { CliError, EXIT, type Io } from './io.js';
import { HELP, MAIN_HELP, type Command } from './help.js';
import { PolicyErrors } from './config.js';
import { scanCommand } from './scan.js';
import { baselineCommand } from './baseline-command.js';
import { rulesCommand } from './rules-command.js';
import { inventoryCommand } from './inventory.js';
import { toolVersion } from './version.js';
import { initEngine } from '../engine/init.js';

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    // No initEngine() here: a scan loads the WebAssembly HCL parser when it meets a Terraform file
    // (src/cli/collect.ts, and every --diff/--staged scan), so start-up does not pay for it.
    case 'scan':
      return scanCommand(rest, io);
    case 'baseline':
      return baselineCommand(rest, io);
    case 'rules':
      return rulesCommand(rest, io);
    case 'inventory':
      return inventoryCommand(rest, io);
    case 'audit':
      // Loaded on demand: the store's drivers are not needed by the other commands.
      return (await import('./audit.js')).auditCommand(rest, io);
    case 'org':
      // Loaded on demand: the GitHub client (Probot's Octokit) is not needed by the other commands.
      await initEngine();
      return (await import('./org.js')).orgCommand(rest, io);
    case 'report':
      // The scan and, with a store, its drivers: loaded on demand as for audit.
      await initEngine();
      return (await import('./report.js')).reportCommand(rest, io);
    case '--version':
    case '-V':
      io.stdout.write(`${toolVersion()}\n`);
      return EXIT.ok;
    case 'help':
      io.stdout.write(rest[0] && rest[0] in HELP ? HELP[rest[0] as Command] : MAIN_HELP);
      return EXIT.ok;
    case '--help':
    case '-h':
      io.stdout.write(MAIN_HELP);
      return EXIT.ok;
    case undefined:
      io.stderr.write(MAIN_HELP);
      return EXIT.usage;
    default:
      throw new CliError(`unknown command '${command}'`, `run 'tokenwarden --help' for the commands (e.g. tokenwarden scan .)`);
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof PolicyErrors) {
      for (const err of e.errors) io.stderr.write(`${formatPolicyError(err)}\n`);
      io.stderr.write(`tokenwarden: the policy has ${e.errors.length === 1 ? 'an error' : `${e.errors.length} errors`}; nothing was scanned\n`);
      return EXIT.usage;
    }
    if (e instanceof CliError) {
      io.stderr.write(`tokenwarden: ${e.message}\n${e.detail.map((d) => `${d}\n`).join('')}  fix: ${e.fix}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`tokenwarden: internal error: ${(e as Error).stack ?? String(e)}\nPlease report this with the command you ran.\n`);
    return EXIT.usage;
  }
}
