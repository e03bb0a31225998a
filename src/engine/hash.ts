import { createHash } from 'node:crypto';

/** Short, stable hex digest; 16 hex chars (64 bits) is ample for fingerprints within one org. */
export function digest(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

export function fingerprint(ruleId: string, path: string, construct: string): string {
  return digest(ruleId, path, digest('construct', construct));
}

export function secretHash(secret: string): string {
  return digest('secret', secret);
}
