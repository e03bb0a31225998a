/**
 * A private key written as bare base64 DER, with no PEM armour: one string in code or configuration
 * (`APP_PRIVATE_KEY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC…"`, a payment SDK's `alipay.private-key=MIIEow…`).
 * Found by the structure every such key starts with, then decoded and checked as DER: a whole outer
 * SEQUENCE of the length its header declares, so that a sample cut short is not a key.
 */
import { decodeBase64 } from './base64.js';

/**
 * The base64 text of each kind's fixed header bytes, aligned as it encodes after the outer SEQUENCE
 * (`MII?` and two length bytes): PKCS#8 RSA (version 0, rsaEncryption, an OCTET STRING), PKCS#8 EC
 * (id-ecPublicKey), PKCS#1 RSA (version 0, a modulus of 2 or 1 length bytes), SEC1 EC (version 1, a
 * 32-, 48- or 66-byte scalar), PKCS#8 Ed25519/X25519. Public keys (SPKI's BIT STRING, `AAOC…`) have none.
 */
const ANCHORS: ReadonlyArray<{ kind: string; re: RegExp }> = [
  { kind: 'PKCS#8 RSA private key', re: /MII[A-Za-z0-9+/]{4}BADANBgkqhkiG9w0BAQEFAAS/g },
  { kind: 'PKCS#8 EC private key', re: /MI[A-Za-z0-9+/]{2,6}AgEAMB[AM]GByqGSM49AgEG/g },
  { kind: 'PKCS#1 RSA private key', re: /MII[A-Za-z0-9+/]{3}IBAAK(?:C|BgQ)/g },
  { kind: 'SEC1 EC private key', re: /M(?:HcCAQEEI|IGkAgEBBDA|IHcAgEBBEI)/g },
  { kind: 'PKCS#8 Ed25519/X25519 private key', re: /MC4CAQAwBQYDK2V[wu]BCIEI/g },
];

/** Keywords (lower case) for the anchors above. */
export const BARE_DER_KEYWORDS: readonly string[] = ['badanbgkqhkig9w0baqefaas', 'gbyqgsm49ageg', 'ibaakc', 'ibaakbgq', 'mhccaqeei', 'migkagebbda', 'mihcagebbei', 'mc4caqawbqydk2v'];

const B64_RUN = /[A-Za-z0-9+/]*={0,2}/y;

export interface BareDerKey {
  start: number;
  end: number;
  base64: string;
  kind: string;
}

/** The bare DER private keys in `text`: whole ones only (the declared length decodes). */
export function findBareDerKeys(text: string): BareDerKey[] {
  const out: BareDerKey[] = [];
  for (const { kind, re } of ANCHORS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const start = m.index;
      // Inside a longer base64 run (a certificate bundle, a blob): not where a key starts.
      if (start > 0 && /[A-Za-z0-9+/]/.test(text[start - 1]!)) continue;
      // PEM armour around it is the armoured rule's (a one-line `-----BEGIN PRIVATE KEY-----MII…`).
      if (/-----\s*$|BEGIN[ A-Z]*KEY[^\n]{0,8}$/.test(text.slice(Math.max(0, start - 40), start))) continue;
      B64_RUN.lastIndex = start;
      const run = B64_RUN.exec(text)![0];
      re.lastIndex = start + Math.max(run.length, m[0].length);
      if (!isWholeDer(run)) continue;
      out.push({ start, end: start + run.length, base64: run, kind });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** An outer SEQUENCE whose declared length is all there (and little more), with random bytes in it. */
function isWholeDer(b64: string): boolean {
  const der = decodeBase64(b64);
  if (!der || der.length < 40 || der[0] !== 0x30) return false;
  let len = der[1]!;
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 2) return false;
    len = n === 1 ? der[2]! : der[2]! * 256 + der[3]!;
    header += n;
  }
  if (der.length < header + len || der.length > header + len + 2) return false;
  // Key material is random: a sample filled with `A`s (zero bytes) decodes whole but holds nothing.
  const body = der.subarray(header + 16);
  let zeros = 0;
  for (const b of body) if (b === 0) zeros++;
  return zeros * 8 < body.length;
}
