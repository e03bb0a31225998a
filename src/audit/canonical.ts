/**
 * The canonical form of an audit record and its digest — the one definition every verifier must agree
 * with (docs/audit.md "The digest" says the same in words, for auditors with other tools).
 *
 *   digest = lowercase hex of SHA-256 over the UTF-8 bytes of
 *            canonical({"body": body, "kind": kind, "prev": prev, "seq": seq, "time": time})
 *
 * - `seq` is the record's sequence number (an integer, 1 for the first record);
 * - `time` is the record's time in UTC as `YYYY-MM-DDTHH:mm:ss.sssZ` (always milliseconds, always Z);
 * - `kind` is one of the record kinds; `prev` the previous record's digest (64 zeros for seq 1);
 * - `canonical` is JSON with no whitespace, object keys sorted by UTF-16 code units (RFC 8785, JCS),
 *   strings escaped as ECMAScript `JSON.stringify` does, numbers only as integers in ±(2^53 − 1).
 *
 * Values are normalised before they are hashed or stored, so that the database (jsonb) gives back
 * exactly what was hashed and common tools (`jq -cS`, Python's `json.dumps(sort_keys=True,
 * separators=(',', ':'), ensure_ascii=False)`) print the same bytes: in strings, NUL (which jsonb
 * refuses), DEL (which jq escapes) and unpaired surrogates become U+FFFD; `undefined` members are left
 * out; object keys must be free of surrogates (so every tool sorts them alike); a number that is not a
 * safe integer, a function, a symbol, a bigint or a cycle is a programming error and throws.
 */
import { createHash } from 'node:crypto';
import type { AuditBody, AuditJson, AuditKind, AuditRecord } from '../store/types.js';

/** The `prev` of the first record. */
export const GENESIS = '0'.repeat(64);

export const AUDIT_KINDS: readonly AuditKind[] = ['evaluation', 'exception', 'policy-change', 'reminder', 'revocation', 'checkpoint'];

export class AuditValueError extends Error {}

// eslint-disable-next-line no-control-regex -- NUL (which jsonb refuses) and DEL (which jq escapes) are what this replaces
const AWKWARD = /[\u0000\u007f]/g;
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A string as it is hashed and stored. */
export function normaliseString(s: string): string {
  return s.replace(LONE_SURROGATE, '\ufffd').replace(AWKWARD, '\ufffd');
}

/**
 * A JSON value fit for the chain: a deep copy with strings normalised and `undefined` members left out.
 * Throws `AuditValueError` on anything JSON cannot hold exactly (see the file comment).
 */
export function normalise(value: unknown, path = 'body', seen: Set<object> = new Set()): AuditJson {
  if (value === null) return null;
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'string':
      return normaliseString(value);
    case 'number':
      if (!Number.isSafeInteger(value)) throw new AuditValueError(`${path}: ${value} is not a whole number within ±(2^53 - 1); audit records hold integers only`);
      return value === 0 ? 0 : value; // -0 → 0
    case 'object': {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new AuditValueError(`${path}: an invalid date`);
        return value.toISOString();
      }
      if (seen.has(value)) throw new AuditValueError(`${path}: a cycle`);
      seen.add(value);
      try {
        if (Array.isArray(value)) return value.map((v, i) => (v === undefined ? null : normalise(v, `${path}[${i}]`, seen)));
        const proto = Object.getPrototypeOf(value) as unknown;
        if (proto !== Object.prototype && proto !== null) throw new AuditValueError(`${path}: a ${value.constructor?.name ?? 'non-plain'} object; pass plain JSON`);
        const out: { [k: string]: AuditJson } = {};
        for (const [k, v] of Object.entries(value)) {
          if (v === undefined) continue;
          if (SURROGATE.test(k)) throw new AuditValueError(`${path}: key ${JSON.stringify(k)} holds a surrogate; keys must be plain text`);
          out[k] = normalise(v, `${path}.${k}`, seen);
        }
        return out;
      } finally {
        seen.delete(value);
      }
    }
    default:
      throw new AuditValueError(`${path}: a ${typeof value} cannot be recorded`);
  }
}

/** An object body, normalised. */
export function normaliseBody(value: Record<string, unknown>): AuditBody {
  const v = normalise(value);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new AuditValueError('body: must be an object');
  return v;
}

/** Canonical JSON (RFC 8785 for the values `normalise` lets through). The input must be normalised. */
export function canonicalJson(v: AuditJson): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  // Array.prototype.sort compares UTF-16 code units: the order RFC 8785 asks for.
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k]!)}`).join(',')}}`;
}

/** What a record's digest covers, as canonical JSON text. */
export function canonicalRecord(r: Omit<AuditRecord, 'digest'>): string {
  return canonicalJson({ body: r.body, kind: r.kind, prev: r.prev, seq: r.seq, time: r.time.toISOString() });
}

/** SHA-256 (hex) of the canonical form: the record's digest. */
export function recordDigest(r: Omit<AuditRecord, 'digest'>): string {
  return createHash('sha256').update(canonicalRecord(r), 'utf8').digest('hex');
}
