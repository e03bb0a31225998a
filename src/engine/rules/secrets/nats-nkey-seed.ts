import { defineSecretRule } from './define.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, as nkeys encode; undefined on a character outside the alphabet. */
function base32(s: string): Uint8Array | undefined {
  const out = new Uint8Array(Math.floor((s.length * 5) / 8));
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = BASE32.indexOf(s[i]!);
    if (v < 0) return undefined;
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** CRC-16/XMODEM (polynomial 0x1021, initial 0): the checksum nkeys append, little-endian. */
function crc16(data: Uint8Array): number {
  let crc = 0;
  for (const b of data) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** A seed decodes to 2 prefix bytes, 32 bytes of Ed25519 seed and a checksum of the 34 before it. */
function checksumHolds(seed: string): boolean {
  const raw = base32(seed);
  if (!raw || raw.length !== 36) return false;
  return crc16(raw.subarray(0, 34)) === (raw[34]! | (raw[35]! << 8));
}

/**
 * NATS nkey seeds: the Ed25519 private keys of NATS operators, accounts, users and servers (`SU…` a user,
 * `SA…` an account, `SO…` an operator, `SN…`/`SC…`/`SX…` a server, cluster or curve key), 58 characters
 * of base32 whose last two bytes are a CRC-16 of the rest (nats-io/nkeys). A user's `.creds` file holds
 * one under `BEGIN USER NKEY SEED`; with it anyone connects as that user, and an account or operator seed
 * signs users and accounts of its own. The public keys (56 characters, no `S`) and the JWTs are public.
 * Looked for where NATS is named (a NATS config, `nkeys`/`nats` code, a `.creds` file): two letters alone
 * are too common a prefix to search every file for.
 */
export default defineSecretRule({
  id: 'secrets/nats-nkey-seed',
  description: 'NATS nkey seed (operator, account, user or server private key)',
  severity: 'critical',
  keywords: ['nkey', 'nats', 'seed'],
  scope: 'file',
  pattern: /(?<![A-Za-z0-9])(?<secret>S[UAONCX][A-Z2-7]{56})(?![A-Za-z0-9])/g,
  validate: checksumHolds,
  message: 'NATS nkey seed committed to the repository: it is the private key of a NATS user, account or operator, and signs in (or signs users and accounts) as it.',
  revoke: {
    provider: 'NATS (the operator or account that trusts the key)',
    url: 'https://docs.nats.io/using-nats/nats-tools/nsc/revocation',
    steps: [
      'For a user seed: revoke the user in its account (`nsc revocations add-user --account <A> --name <U>`) and push the account JWT (`nsc push`); for a key listed in a server config, remove its public key there and reload the servers.',
      'For an account or operator seed: generate new signing keys (`nsc edit account --sk generate` / `nsc edit operator --sk generate`), re-sign and push, and remove the leaked key.',
      'Issue a new credentials file to the service and keep it in a secret store, not in the repository.',
    ],
  },
});
