/** Turning bytes into text a rule can read, or a reason the file was skipped (never a crash). */
import { createHash } from 'node:crypto';
import { keyStoreContents } from './key-store-contents.js';

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

/** Package managers' lockfiles: generated, scanned for tokens in their URLs (a git or registry URL can carry one). */
const LOCKFILE = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lock|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|uv\.lock)$/;

/**
 * Whether a skipped file makes the scan incomplete. Not a binary file (it cannot hold a readable secret;
 * otherwise every repository with an image would never pass), nor a lockfile over the size limit: the
 * built-in policy ignored lockfiles wholesale until their URLs were scanned, and a monorepo's 8 MB
 * lockfile failing every scan would teach users to ignore the verdict. Both are still listed.
 */
export const leavesIncomplete = (s: Skipped): boolean => s.reason !== 'binary' && !(s.reason === 'too-large' && LOCKFILE.test(s.path));

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
// WHATWG "latin1" is windows-1252: every byte decodes, and ASCII (every token format) stays as it is.
const latin1 = new TextDecoder('latin1');

export type Decoded = { ok: true; text: string; as?: 'windows-1252' | 'binary-strings' | 'utf-16le' | 'utf-16be' | 'key-store' | 'encrypted-file' } | { ok: false; skipped: Skipped };

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

/**
 * UTF-16 text (Windows tools write it: PowerShell's `>`, .reg exports, some .ini and .config files): a
 * BOM, or ASCII text with a NUL as every other byte. Git calls such files binary; a token in one is
 * still a leak.
 */
function utf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return undefined;
  // Almost every file has no NUL at all: one native search instead of a loop over 8 KiB.
  if (bytes.subarray(0, n).indexOf(0) === -1) return undefined;
  let evenZero = 0,
    oddZero = 0,
    evenText = 0,
    oddText = 0;
  for (let i = 0; i < n; i += 2) {
    const a = bytes[i]!,
      b = bytes[i + 1]!;
    if (a === 0) evenZero++;
    else if ((a >= 0x20 && a < 0x7f) || a === 0x0a || a === 0x0d || a === 0x09 || a >= 0xa0) evenText++;
    if (b === 0) oddZero++;
    else if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09 || b >= 0xa0) oddText++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.9 && evenText >= pairs * 0.9) return 'utf-16le';
  if (evenZero >= pairs * 0.9 && oddText >= pairs * 0.9) return 'utf-16be';
  return undefined;
}

const OID_PKCS7_DATA = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07];

/**
 * Key stores hold private keys in binary: PKCS#12 (`.p12`, `.pfx`: a DER SEQUENCE, version 3, then a
 * PKCS#7 content) and Java KeyStore / JCEKS (magic FEEDFEED / CECECECE). Their bytes are encrypted at
 * best with a password (often empty or `changeit`), so the file itself is the finding.
 */
function keyStoreKind(bytes: Uint8Array): 'pkcs12' | 'jks' | 'jceks' | undefined {
  if (bytes.length >= 4 && bytes[0] === 0xfe && bytes[1] === 0xed && bytes[2] === 0xfe && bytes[3] === 0xed) return 'jks';
  if (bytes.length >= 4 && bytes[0] === 0xce && bytes[1] === 0xce && bytes[2] === 0xce && bytes[3] === 0xce) return 'jceks';
  if (bytes.length < 24 || bytes[0] !== 0x30) return undefined;
  let i = 1;
  const len = bytes[i++]!;
  if (len === 0x80) {
    // indefinite length (BER)
  } else if (len & 0x80) i += len & 0x7f;
  if (bytes[i] !== 0x02 || bytes[i + 1] !== 0x01 || bytes[i + 2] !== 0x03 || bytes[i + 3] !== 0x30) return undefined;
  const head = bytes.subarray(i + 4, i + 24);
  for (let j = 0; j + OID_PKCS7_DATA.length <= head.length; j++) {
    if (OID_PKCS7_DATA.every((b, k) => head[j + k] === b)) return 'pkcs12';
  }
  return undefined;
}

/** The one line a key store is read as: what it is, its size, its digest (what a rule reports) and whether it holds a key. */
export function keyStoreLine(kind: 'pkcs12' | 'jks' | 'jceks', bytes: Uint8Array): string {
  return `tokenwarden:key-store ${kind} sha256=${createHash('sha256').update(bytes).digest('hex')} bytes=${bytes.length} contents=${keyStoreContents(kind, bytes)}\n`;
}

/**
 * DBeaver's credentials-config.json is not JSON on disk but AES-128-CBC ciphertext (under a key DBeaver
 * publishes in its source) of that JSON: binary, so it would be skipped. It is read as one line holding
 * its bytes in base64, which rules/secrets/dbeaver-credentials.ts decrypts. A plain-JSON copy is text.
 */
const DBEAVER_CREDENTIALS = /(?:^|\/)credentials-config\.json$/i;

function isEncryptedDbeaverCredentials(path: string, bytes: Uint8Array): boolean {
  if (bytes.length < 32 || bytes.length % 16 !== 0 || bytes.length > 4 * 1024 * 1024 || !DBEAVER_CREDENTIALS.test(path)) return false;
  // Plain JSON is valid UTF-8 without control bytes other than white space; ciphertext (at least 32
  // random bytes) practically never is both.
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return true;
  }
  try {
    utf8.decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/** The one line an encrypted DBeaver credentials file is read as: its bytes in base64. */
export function encryptedFileLine(kind: string, bytes: Uint8Array): string {
  return `tokenwarden:encrypted-file ${kind} base64=${Buffer.from(bytes).toString('base64')}\n`;
}

export function decodeFile(path: string, bytes: Uint8Array, maxBytes: number, opts: DecodeOptions = {}): Decoded {
  if (bytes.length > maxBytes) {
    return { ok: false, skipped: { path, reason: 'too-large', detail: `${bytes.length} bytes > limit ${maxBytes} (settings.max_file_size)` } };
  }
  const store = keyStoreKind(bytes);
  if (store) return { ok: true, text: keyStoreLine(store, bytes), as: 'key-store' };
  if (isEncryptedDbeaverCredentials(path, bytes)) return { ok: true, text: encryptedFileLine('dbeaver-credentials', bytes), as: 'encrypted-file' };
  const wide = utf16(bytes);
  // The decoder drops a BOM itself.
  if (wide) return { ok: true, text: new TextDecoder(wide).decode(bytes), as: wide };
  // A NUL byte in the first 8 KiB is git's own heuristic for binary content.
  if (bytes.subarray(0, Math.min(bytes.length, 8192)).indexOf(0) !== -1) {
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
