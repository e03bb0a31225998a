/**
 * Whether an OpenPGP secret key is protected by a passphrase, read from its first secret-key packet
 * (RFC 9580 §5.5.3, RFC 4880 §5.5.3): after the public key material comes the S2K usage octet, 0 when the
 * secret material is stored in the clear, 253/254/255 or a cipher id when it is encrypted.
 */

/** MPI or fixed-size public key material per algorithm id, as the number of fields of each kind. */
const MPI_FIELDS: Readonly<Record<number, number>> = { 1: 2, 2: 2, 3: 2, 16: 3, 17: 4, 20: 3 };
/** Native-size keys (RFC 9580): X25519, X448, Ed25519, Ed448. */
const FIXED_SIZE: Readonly<Record<number, number>> = { 25: 32, 26: 56, 27: 32, 28: 57 };

/** `'encrypted'`, `'clear'`, or undefined when the packet cannot be read (a sample, another packet). */
export function secretKeyProtection(der: Buffer): 'encrypted' | 'clear' | undefined {
  const packet = firstPacket(der);
  if (!packet || (packet.tag !== 5 && packet.tag !== 7)) return undefined;
  const p = packet.body;
  let i = 0;
  const version = p[i++];
  if (version !== 4 && version !== 5 && version !== 6) return undefined;
  i += 4; // creation time
  if (version !== 4) i += 4; // key material length (v5, v6)
  const alg = p[i++];
  if (alg === undefined) return undefined;
  const mpi = (): boolean => {
    if (i + 2 > p.length) return false;
    i += 2 + Math.ceil(((p[i]! << 8) | p[i + 1]!) / 8);
    return i <= p.length;
  };
  const oid = (): boolean => {
    const n = p[i];
    if (n === undefined || n === 0 || n === 0xff) return false;
    i += 1 + n;
    return i <= p.length;
  };
  if (MPI_FIELDS[alg] !== undefined) {
    for (let k = 0; k < MPI_FIELDS[alg]; k++) if (!mpi()) return undefined;
  } else if (FIXED_SIZE[alg] !== undefined) {
    i += FIXED_SIZE[alg];
  } else if (alg === 19 || alg === 22) {
    // ECDSA, EdDSA (legacy): curve OID, then the point as an MPI.
    if (!oid() || !mpi()) return undefined;
  } else if (alg === 18) {
    // ECDH: curve OID, point, then the KDF parameters (a length and that many octets).
    if (!oid() || !mpi()) return undefined;
    const n = p[i];
    if (n === undefined) return undefined;
    i += 1 + n;
  } else return undefined;
  const usage = p[i];
  if (usage === undefined) return undefined;
  return usage === 0 ? 'clear' : 'encrypted';
}

/** The first packet's tag and body (old and new header formats, RFC 9580 §4.2). */
function firstPacket(b: Buffer): { tag: number; body: Buffer } | undefined {
  const h = b[0];
  if (h === undefined || (h & 0x80) === 0) return undefined;
  let tag: number, len: number, at: number;
  if (h & 0x40) {
    tag = h & 0x3f;
    const o = b[1];
    if (o === undefined) return undefined;
    if (o < 192) [len, at] = [o, 2];
    else if (o < 224) [len, at] = [((o - 192) << 8) + (b[2] ?? 0) + 192, 3];
    else if (o === 255) [len, at] = [b.readUInt32BE(2), 6];
    else return undefined; // partial lengths: not how a key is written
  } else {
    tag = (h >> 2) & 0x0f;
    const type = h & 3;
    if (type === 0) [len, at] = [b[1] ?? 0, 2];
    else if (type === 1) [len, at] = [b.length >= 3 ? b.readUInt16BE(1) : 0, 3];
    else if (type === 2) [len, at] = [b.length >= 5 ? b.readUInt32BE(1) : 0, 5];
    else [len, at] = [b.length - 1, 1];
  }
  if (at + len > b.length) return undefined;
  return { tag, body: b.subarray(at, at + len) };
}
