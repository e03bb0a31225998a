/**
 * What a binary key store holds, read from its structure without its password: a trust store (certificates
 * only) is committed on purpose and holds nothing to revoke; a key store with a private or secret key is a
 * leak whatever its name (a `truststore.jks` may hold a key, a `keystore.p12` may hold none).
 * - JKS/JCEKS: every entry starts with its type tag in the clear (1 private key, 2 trusted certificate,
 *   3 JCEKS secret key); the entries are walked to the end, and a store that does not parse is `unknown`.
 * - PKCS#12: OpenSSL and Java keep certificates in an encrypted section and a key in a shrouded key bag
 *   whose type (its OID) stands in the unencrypted part; no key bag there means certificates only.
 */
export type KeyStoreContents = 'keys' | 'certificates' | 'unknown';

// DER of the OIDs pkcs-12 keyBag (1.2.840.113549.1.12.10.1.1) and pkcs8ShroudedKeyBag (…1.2), without the last byte.
const KEY_BAG_OID = [0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01];

export function keyStoreContents(kind: 'pkcs12' | 'jks' | 'jceks', bytes: Uint8Array): KeyStoreContents {
  return kind === 'pkcs12' ? pkcs12Contents(bytes) : javaStoreContents(bytes);
}

function pkcs12Contents(bytes: Uint8Array): KeyStoreContents {
  const first = KEY_BAG_OID[0]!;
  for (let i = bytes.indexOf(first); i !== -1 && i + KEY_BAG_OID.length < bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < KEY_BAG_OID.length && bytes[i + k] === KEY_BAG_OID[k]) k++;
    if (k === KEY_BAG_OID.length) {
      const last = bytes[i + k];
      if (last === 0x01 || last === 0x02) return 'keys';
    }
  }
  return 'certificates';
}

function javaStoreContents(bytes: Uint8Array): KeyStoreContents {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 4;
  const u16 = (): number => {
    const v = view.getUint16(at);
    at += 2;
    return v;
  };
  const u32 = (): number => {
    const v = view.getUint32(at);
    at += 4;
    return v;
  };
  const skip = (n: number): void => {
    if (n < 0 || at + n > bytes.length) throw new RangeError('past the end');
    at += n;
  };
  try {
    const version = u32();
    if (version !== 1 && version !== 2) return 'unknown';
    const count = u32();
    if (count === 0) return 'certificates';
    for (let e = 0; e < count; e++) {
      const tag = u32();
      if (tag === 1 || tag === 3) return 'keys';
      if (tag !== 2) return 'unknown';
      skip(u16()); // alias
      skip(8); // creation time
      if (version === 2) skip(u16()); // certificate type (`X.509`)
      skip(u32()); // the certificate
    }
    return 'certificates';
  } catch {
    return 'unknown';
  }
}
