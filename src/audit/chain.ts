/**
 * The hash chain: append (normalised, sealed with `recordDigest`), checkpoints, and the verifier that
 * walks the chain and names the first broken record. No engine import: the CLI loads this without the
 * rules.
 */
import type { AuditAppendResult, AuditDraft, AuditHead, AuditKind, AuditRecord } from '../store/types.js';
import { AUDIT_KINDS, GENESIS, normaliseBody, recordDigest } from './canonical.js';
import type { AuditStore } from './types.js';

export interface Draft {
  kind: AuditKind;
  body: Record<string, unknown>;
}

/**
 * Append records (one transaction, consecutive sequence numbers) under the chain lock. `drafts` may be
 * a function of the head, called under the lock. With `key`, a second append with the same key appends
 * nothing and returns the first record ('duplicate').
 */
export async function appendRecords(store: AuditStore, drafts: readonly Draft[] | ((head: AuditHead, now: Date) => readonly Draft[]), opts: { key?: string | null } = {}): Promise<AuditAppendResult> {
  // Normalised outside the lock where possible: the lock is held for as short a time as can be.
  const fixed = typeof drafts === 'function' ? undefined : drafts.map(toDraft);
  return store.audit.append({
    build: (head, now) => fixed ?? (drafts as (h: AuditHead, n: Date) => readonly Draft[])(head, now).map(toDraft),
    seal: recordDigest,
    ...(opts.key ? { key: opts.key } : {}),
  });
}

function toDraft(d: Draft): AuditDraft {
  if (!AUDIT_KINDS.includes(d.kind)) throw new TypeError(`unknown audit record kind '${d.kind}'`);
  return { kind: d.kind, body: normaliseBody(d.body) };
}

// ── checkpoints ──────────────────────────────────────────────────────────────────────────────────────

export interface CheckpointBody {
  /** The record the checkpoint vouches for: the head when it was written. */
  head: { seq: number; digest: string; time: string };
  /** The checkpoint before this one, if any. */
  previous: number | null;
}

export interface CheckpointOptions {
  /** Only when at least this many records were appended since the last checkpoint … */
  everyRecords?: number;
  /** … or when the last checkpoint (or the first record, if none) is at least this old (and a record came since). */
  everyMs?: number;
}

/**
 * Write a checkpoint record quoting the head (seq, digest, time), so that a verifier can pin the state
 * seen now (`verifyChain(store, { pin })`, `tokenwarden audit verify --pin SEQ:DIGEST`). Nothing is
 * written when no record came since the last checkpoint, nor — with options — before one is due: call
 * it on a timer on every instance (`checkpoint(store, { everyRecords: 1000, everyMs: 3_600_000 })`);
 * the chain lock makes the instances agree. Returns the checkpoint record, or undefined.
 */
export async function checkpoint(store: AuditStore, opts: CheckpointOptions = {}): Promise<AuditRecord | undefined> {
  const res = await appendRecords(store, (head, now) => {
    const since = head.checkpoint?.seq ?? 0;
    if (head.seq === 0 || head.seq === since) return [];
    const timed = opts.everyMs !== undefined;
    const counted = opts.everyRecords !== undefined;
    if (timed || counted) {
      const byCount = counted && head.seq - since >= opts.everyRecords!;
      const from = head.checkpoint?.time ?? null;
      const byTime = timed && (from === null || now.getTime() - from.getTime() >= opts.everyMs!);
      if (!byCount && !byTime) return [];
    }
    const body: CheckpointBody = {
      head: { seq: head.seq, digest: head.digest, time: (head.time ?? now).toISOString() },
      previous: head.checkpoint?.seq ?? null,
    };
    return [{ kind: 'checkpoint', body: body as unknown as Record<string, unknown> }];
  });
  return res.records[0];
}

// ── verification ─────────────────────────────────────────────────────────────────────────────────────

export type BreakReason =
  /** The record's contents do not hash to its digest: edited (or a forged digest). */
  | 'digest'
  /** Its prev is not the previous record's digest: something removed, inserted or reordered before it. */
  | 'prev'
  /** A sequence number is missing (deleted records, or a truncated tail). */
  | 'missing'
  /** Time goes backwards. */
  | 'time'
  /** A checkpoint that does not quote the record before it. */
  | 'checkpoint'
  /** Unknown kind or a body that is not an object. */
  | 'malformed'
  /** The pinned record is absent or has another digest. */
  | 'pin'
  /** The head row disagrees with the last record. */
  | 'head';

export interface ChainBreak {
  /** The first broken (or missing) record. */
  seq: number;
  reason: BreakReason;
  /** One sentence an auditor can act on. */
  message: string;
}

export interface CheckpointSeen {
  seq: number;
  digest: string;
  time: Date;
  /** What it vouches for. */
  head: { seq: number; digest: string };
}

export interface VerifyOk {
  ok: true;
  /** Records walked (from `from` to the head as it was when verification started). */
  records: number;
  from: number;
  head: { seq: number; digest: string; time: Date | null };
  lastCheckpoint: CheckpointSeen | null;
  pinned: { seq: number; digest: string } | null;
}

export interface VerifyBroken {
  ok: false;
  break: ChainBreak;
  /** Records that verified before the break. */
  records: number;
  from: number;
  /** The last record that verified. */
  lastGood: { seq: number; digest: string } | null;
  lastCheckpoint: CheckpointSeen | null;
}

export type VerifyResult = VerifyOk | VerifyBroken;

export interface VerifyOptions {
  /** Start at this seq (default 1), trusting the digest of the record before it. */
  from?: number;
  /** A record seen earlier (a checkpoint, or the head): it must still be there with this digest. */
  pin?: { seq: number; digest: string };
  /** Records per query (default 1000). */
  pageSize?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Walk the chain from `from` (default 1) to the head as it is when the walk starts, recomputing every
 * digest and link; returns the first break, or a summary. Records appended meanwhile are left for the
 * next run. Without a pin, an attacker with write access who rewrites every record after the one
 * they changed — digests included — is not detectable: pin a digest kept elsewhere (a checkpoint).
 */
export async function verifyChain(store: AuditStore, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 1000;
  const pin = opts.pin ? { seq: opts.pin.seq, digest: opts.pin.digest.toLowerCase() } : null;
  let from = Math.max(1, Math.floor(opts.from ?? 1));
  // A pin before the start: start at the pin (its digest anchors what follows).
  if (pin && pin.seq < from) from = Math.max(1, pin.seq);
  const head = await store.audit.head();

  let prevDigest = GENESIS;
  let prevTime: Date | null = null;
  let records = 0;
  let lastGood: { seq: number; digest: string } | null = null;
  let lastCheckpoint: CheckpointSeen | null = null;
  const broken = (b: ChainBreak): VerifyBroken => ({ ok: false, break: b, records, from, lastGood, lastCheckpoint });

  if (from > 1) {
    const before = await store.audit.get(from - 1);
    if (!before) return broken({ seq: from - 1, reason: 'missing', message: `record ${from - 1}, where verification was asked to start from, is missing` });
    prevDigest = before.digest;
    prevTime = before.time;
  }

  let expect = from;
  walk: while (expect <= head.seq) {
    const page = await store.audit.page(expect - 1, Math.min(pageSize, head.seq - expect + 1));
    if (!page.length) break;
    for (const r of page) {
      if (r.seq > head.seq) break walk;
      if (r.seq !== expect) {
        return broken({
          seq: expect,
          reason: 'missing',
          message: `record ${expect} is missing: the record after ${expect - 1} is ${r.seq} (${r.seq - expect === 1 ? 'a record was' : 'records were'} deleted)`,
        });
      }
      if (!AUDIT_KINDS.includes(r.kind) || !isObject(r.body)) {
        return broken({ seq: r.seq, reason: 'malformed', message: `record ${r.seq} has an unknown kind '${String(r.kind)}' or a body that is not an object` });
      }
      if (recordDigest(r) !== r.digest) {
        return broken({
          seq: r.seq,
          reason: 'digest',
          message: `record ${r.seq} (${r.kind}, ${r.time.toISOString()}) does not match its digest: its seq, time, kind, body or prev was changed after it was written`,
        });
      }
      if (r.prev !== prevDigest) {
        return broken({
          seq: r.seq,
          reason: 'prev',
          message: `record ${r.seq} does not follow record ${r.seq - 1}: its prev is ${r.prev.slice(0, 16)}…, record ${r.seq - 1}'s digest is ${prevDigest.slice(0, 16)}… (a record was removed, inserted or reordered before it)`,
        });
      }
      if (prevTime && r.time.getTime() < prevTime.getTime()) {
        return broken({ seq: r.seq, reason: 'time', message: `record ${r.seq} is dated ${r.time.toISOString()}, before record ${r.seq - 1} (${prevTime.toISOString()})` });
      }
      if (r.kind === 'checkpoint') {
        const h = (r.body as { head?: { seq?: unknown; digest?: unknown; time?: unknown } }).head;
        if (!h || h.seq !== r.seq - 1 || h.digest !== r.prev || (prevTime && h.time !== prevTime.toISOString())) {
          return broken({ seq: r.seq, reason: 'checkpoint', message: `checkpoint ${r.seq} does not vouch for the record before it (it names ${String(h?.seq)}:${String(h?.digest).slice(0, 16)}…)` });
        }
        lastCheckpoint = { seq: r.seq, digest: r.digest, time: r.time, head: { seq: r.seq - 1, digest: r.prev } };
      }
      if (pin && r.seq === pin.seq && r.digest !== pin.digest) {
        return broken({ seq: r.seq, reason: 'pin', message: `record ${r.seq} has digest ${r.digest}, not the pinned ${pin.digest}: the chain up to it was rewritten` });
      }
      prevDigest = r.digest;
      prevTime = r.time;
      lastGood = { seq: r.seq, digest: r.digest };
      records += 1;
      expect += 1;
    }
  }

  const endSeq = expect - 1;
  if (endSeq < head.seq) {
    return broken({
      seq: endSeq + 1,
      reason: 'missing',
      message: `the chain ends at record ${endSeq} but its head is at ${head.seq}: records ${endSeq + 1}–${head.seq} were removed (the tail was truncated)`,
    });
  }
  if (head.seq > 0 && head.seq >= from && head.digest !== prevDigest) {
    return broken({ seq: head.seq, reason: 'head', message: `the head names record ${head.seq} with digest ${head.digest.slice(0, 16)}…, but that record's digest is ${prevDigest.slice(0, 16)}…` });
  }
  // A record past the head was not appended through the chain (the insert trigger moves the head in
  // the same transaction): unless the head has moved past it since, it was slipped in.
  const [beyond] = await store.audit.page(head.seq, 1);
  if (beyond && (await store.audit.head()).seq < beyond.seq) {
    return broken({ seq: beyond.seq, reason: 'head', message: `record ${beyond.seq} lies beyond the head of the chain (${head.seq}): it was inserted without extending the chain` });
  }
  if (pin && pin.seq > endSeq) {
    return broken({
      seq: pin.seq,
      reason: 'pin',
      message: `the pinned record ${pin.seq} is not in the chain, which ends at ${endSeq}: ${endSeq === 0 ? 'the trail is empty' : 'the tail was truncated (or the pin belongs to another trail)'}`,
    });
  }
  return { ok: true, records, from, head: { seq: head.seq, digest: head.digest, time: head.time }, lastCheckpoint, pinned: pin };
}

/** `SEQ:DIGEST` (as printed by `audit verify`) → a pin; undefined when it does not parse. */
export function parsePin(text: string): { seq: number; digest: string } | undefined {
  const m = /^\s*(\d{1,15}):([0-9a-fA-F]{64})\s*$/.exec(text);
  if (!m) return undefined;
  const seq = Number(m[1]);
  return seq >= 1 ? { seq, digest: m[2]!.toLowerCase() } : undefined;
}
