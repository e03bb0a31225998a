/**
 * Redeliveries. GitHub redelivers a webhook under the same `X-GitHub-Delivery` id (the "Redeliver" button,
 * a proxy retrying). A delivery that was handled, or is being handled, must not judge the change again:
 * that would put a second check run on the commit and re-read every file. One whose handling failed is
 * handled again, because that is what a redelivery is for. The ledger lives in memory: after a restart a
 * redelivery is handled once more, which costs a duplicate check run at worst.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BoundedMap } from './mutex.js';

/** `X-Hub-Signature-256` check, constant time. */
export function signatureMatches(secret: string, body: Uint8Array, header: string | undefined): boolean {
  if (!secret || !header?.startsWith('sha256=')) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
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
