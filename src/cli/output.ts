/** Where a report goes, and whether it may be coloured. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, type Io } from './io.js';

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export function useColor(io: Io, opts: { noColor?: boolean; output?: string }): boolean {
  return !opts.noColor && !opts.output && io.stdout.isTTY === true && !io.env.NO_COLOR;
}

export async function emit(io: Io, text: string, output: string | undefined): Promise<void> {
  if (!output) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(resolve(io.cwd, output), text);
  } catch (e) {
    throw new CliError(`cannot write --output ${output}: ${(e as NodeJS.ErrnoException).code ?? e}`, 'pass a path in an existing, writable directory');
  }
}
