/**
 * Webhook signatures, checked on the bytes. (Redeliveries — the same `X-GitHub-Delivery` id again — are
 * recognised by the store, which records every delivery with its job in one transaction: across restarts
 * and instances. See src/app/jobs/intake.ts.)
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

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
