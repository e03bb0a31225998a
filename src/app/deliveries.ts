/**
 * Redeliveries. GitHub redelivers a webhook under the same `X-GitHub-Delivery` id (the "Redeliver" button,
 * a proxy retrying). A delivery that was handled, or is being handled, must not judge the change again:
 * that would put a second check run on the commit and re-read every file. One whose handling failed is
 * handled again, because that is what a redelivery is for. The ledger lives in memory: after a restart a
 * redelivery is handled once more, which costs a duplicate check run at worst.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BoundedMap } from './mutex.js';

/** The 32 bytes an `X-Hub-Signature-256` header claims (`sha256=<64 hex>`), or undefined when malformed. */
export function parseSignature(header: string | undefined): Buffer | undefined {
  const m = header?.match(/^sha256=([0-9a-fA-F]{64})$/);
  return m ? Buffer.from(m[1]!, 'hex') : undefined;
}

/** An HMAC-SHA256 digest against the claimed one: constant time, on the bytes. */
export function digestMatches(digest: Buffer, claimed: Buffer): boolean {
  return digest.length === claimed.length && timingSafeEqual(digest, claimed);
}

/** `X-Hub-Signature-256` check of a whole body, constant time. */
export function signatureMatches(secret: string, body: Uint8Array, header: string | undefined): boolean {
  const claimed = parseSignature(header);
  return !!secret && !!claimed && digestMatches(createHmac('sha256', secret).update(body).digest(), claimed);
}

export class DeliveryLedger {
  private readonly states: BoundedMap<string, 'running' | 'done'>;

  constructor(max = 10_000) {
    this.states = new BoundedMap(max);
  }

  /** True when `id` is neither handled nor being handled; the caller then handles it and `settle`s it. */
  claim(id: string): boolean {
    if (this.states.has(id)) return false;
    this.states.set(id, 'running');
    return true;
  }

  /** `ok`: handled (a redelivery is a duplicate); otherwise forgotten (a redelivery is handled). */
  settle(id: string, ok: boolean): void {
    if (ok) this.states.set(id, 'done');
    else this.states.delete(id);
  }

  state(id: string): 'running' | 'done' | undefined {
    return this.states.get(id);
  }
}
