/** Turning bytes into text a rule can read, or a reason the file was skipped (never a crash). */

export type SkipReason = 'binary' | 'too-large' | 'not-utf8' | 'unreadable' | 'patch-missing' | 'error';

export interface Skipped {
  path: string;
  reason: SkipReason;
  detail?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export type Decoded = { ok: true; text: string } | { ok: false; skipped: Skipped };

export function decodeFile(path: string, bytes: Uint8Array, maxBytes: number): Decoded {
  if (bytes.length > maxBytes) {
    return { ok: false, skipped: { path, reason: 'too-large', detail: `${bytes.length} bytes > limit ${maxBytes}` } };
  }
  // A NUL byte in the first 8 KiB is git's own heuristic for binary content.
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) return { ok: false, skipped: { path, reason: 'binary' } };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, skipped: { path, reason: 'not-utf8', detail: 'not valid UTF-8' } };
  }
}
