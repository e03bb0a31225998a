/** What the CLI touches of the outside world, injected so tests run it in-process. */

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: OutStream;
  stderr: OutStream;
  /** The clock: "today" for exception expiry and the baseline date. */
  now(): Date;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A problem the user can fix: printed with its fix, exit 2. Never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly fix: string,
    /** Extra lines printed before the fix (e.g. the usage line). */
    readonly detail: string[] = [],
  ) {
    super(message);
  }
}

export function processIo(): Io {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, now: () => new Date() };
}
