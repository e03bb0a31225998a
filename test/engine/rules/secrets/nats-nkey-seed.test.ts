import { randomBytes } from 'node:crypto';
import rule from '../../../../src/engine/rules/secrets/nats-nkey-seed.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { base32, cat } from '../../../helpers/tokens.js';

// Seeds are made here as nkeys makes them (prefix bytes, 32 random bytes, CRC-16 little-endian, base32):
// the repository must pass its own scan, so none is committed whole.
function crc16(d: Uint8Array): number {
  let c = 0;
  for (const b of d) {
    c ^= b << 8;
    for (let i = 0; i < 8; i++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
  }
  return c;
}
/** A seed of the given public-key type (nkeys' prefix bytes: U user 20, A account 0, O operator 14). */
function seed(type: number): string {
  const raw = new Uint8Array(36);
  raw[0] = (18 << 3) | (type >> 5);
  raw[1] = (type & 31) << 3;
  raw.set(randomBytes(32), 2);
  const c = crc16(raw.subarray(0, 34));
  raw[34] = c & 0xff;
  raw[35] = c >> 8;
  return base32(raw);
}
const user = seed(20 << 3);
const account = seed(0);
const broken = user.slice(0, 40) + (user[40] === 'A' ? 'B' : 'A') + user.slice(41);

ruleTester(rule, {
  valid: [
    // The checksum does not hold: one character changed, or a made-up value.
    { code: `nkey seed: ${broken}`, path: 'nats.conf' },
    { code: `nats user seed ${cat('SU', 'A'.repeat(56))}`, path: 'README.md' },
    // A public key (56 characters, no S) is what a server config lists.
    { code: `authorization { users = [ { nkey: ${user.slice(1, 57)} } ] } # nats`, path: 'server.conf' },
    // No mention of NATS, nkeys or a seed in the file: two letters are too common a prefix to go on.
    { code: `const id = "${user}";`, path: 'src/ids.ts' },
  ],
  invalid: [
    {
      code: `-----BEGIN NATS USER JWT-----\neyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.e30.sig\n------END NATS USER JWT------\n\n-----BEGIN USER NKEY SEED-----\n${user}\n------END USER NKEY SEED------\n`,
      path: 'deploy/app.creds',
      secret: user,
      line: 6,
    },
    { code: `kp, err := nkeys.FromSeed([]byte("${account}"))`, path: 'server/accounts_test.go', secret: account },
    { code: `NATS_SEED=${user}`, path: '.env', secret: user },
  ],
});
