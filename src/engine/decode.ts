/** Turning bytes into text a rule can read, or a reason the file was skipped (never a crash). */

/**
 * Why a file was not scanned. Two kinds, and the verdict treats them differently:
 * - skipped by choice or by size (`too-large`, `binary` when binaries are not read): the policy's
 *   `settings.incomplete_scan` decides what that does to the verdict;
 * - not judged (`limit`, `error`, `unreadable`, `patch-missing`, `not-utf8`): something went wrong or a
 *   bound was hit, so the file may hold anything; a gate fails closed on these, whatever the policy says.
 */
export type SkipReason = 'binary' | 'too-large' | 'not-utf8' | 'unreadable' | 'patch-missing' | 'error' | 'limit';

export interface Skipped {
  path: string;
  reason: SkipReason;
  detail?: string;
}

const SOFTENABLE: ReadonlySet<SkipReason> = new Set(['binary', 'too-large']);

/** True for files that could not be judged (an error or a limit), as opposed to skipped by size or type. */
export const notJudged = (s: Skipped): boolean => !SOFTENABLE.has(s.reason);

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
// WHATWG "latin1" is windows-1252: every byte decodes, and ASCII (every token format) stays as it is.
const latin1 = new TextDecoder('latin1');

export type Decoded = { ok: true; text: string; as?: 'windows-1252' | 'binary-strings' } | { ok: false; skipped: Skipped };

export interface DecodeOptions {
  /**
   * `skip` (default): a file with a NUL byte near its start is listed as binary and not read.
   * `strings`: read it anyway, with every byte that is not printable ASCII or a newline turned into a
   * space (line numbers and offsets kept) — a gate must not let a token hide in a file by adding a NUL.
   */
  binary?: 'skip' | 'strings';
}

function printableStrings(bytes: Uint8Array): string {
  const out = Buffer.allocUnsafe(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out[i] = (b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x09 ? b : 0x20;
  }
  return out.toString('latin1');
}

export function decodeFile(path: string, bytes: Uint8Array, maxBytes: number, opts: DecodeOptions = {}): Decoded {
  if (bytes.length > maxBytes) {
    return { ok: false, skipped: { path, reason: 'too-large', detail: `${bytes.length} bytes > limit ${maxBytes} (settings.max_file_size)` } };
  }
  // A NUL byte in the first 8 KiB is git's own heuristic for binary content.
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] !== 0) continue;
    if (opts.binary === 'strings') return { ok: true, text: printableStrings(bytes), as: 'binary-strings' };
    return { ok: false, skipped: { path, reason: 'binary' } };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    // Not UTF-8 (Latin-1, Windows-1252, a stray byte): still text, and a token in it is still a leak.
    return { ok: true, text: latin1.decode(bytes), as: 'windows-1252' };
  }
}
