/** `node:util` parseArgs with errors turned into usage errors that say how to get help. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io.js';
import { USAGE, type Command } from './help.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function usageError(command: Command, message: string): CliError {
  return new CliError(message, `run 'tokenwarden ${command} --help' for the options`, [USAGE[command]]);
}

export function parseCommandArgs<O extends Options>(command: Command, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    if (!err.code?.startsWith('ERR_PARSE_ARGS')) throw e;
    const quoted = /'([^']+)'/.exec(err.message)?.[1];
    const message =
      err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted
        ? `unknown option '${quoted}'`
        : err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? err.message.replace(/^Option /, 'option ').split('. ')[0]!
          : err.message.split('. ')[0]!;
    throw usageError(command, message);
  }
}

export function oneOf<T extends string>(command: Command, flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(command, `--${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
}

/** The hidden `--today YYYY-MM-DD` (tests, reproducing an old run), else the clock. */
export function todayFrom(command: Command, value: string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const d = new Date(`${value}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime())) throw usageError(command, `--today must be YYYY-MM-DD (got '${value}')`);
  return d;
}
