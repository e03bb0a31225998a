import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/crypto-wallet-key.js';
import { BIP39_ENGLISH } from '../../../../src/engine/rules/secrets/lib/bip39-english.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { HEX, cat, rand } from '../../../helpers/tokens.js';

// Keys are built at run time from seeded random bytes with real checksums: nothing whole is committed.
const sha = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();
const bytes = (n: number, seed: string): Buffer => Buffer.from(rand(n * 2, HEX, seed), 'hex');
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(buf: Uint8Array): string {
  let n = BigInt('0x' + Buffer.from(buf).toString('hex'));
  let s = '';
  while (n > 0n) {
    s = B58[Number(n % 58n)] + s;
    n /= 58n;
  }
  for (const b of buf) {
    if (b !== 0) break;
    s = '1' + s;
  }
  return s;
}
const check = (payload: Uint8Array): string => base58(Buffer.concat([payload, sha(sha(payload)).subarray(0, 4)]));
const wif = (seed: string, compressed = true, testnet = false): string => check(Buffer.concat([Buffer.from([testnet ? 0xef : 0x80]), bytes(32, seed), Buffer.from(compressed ? [1] : [])]));
const xprv = (seed: string): string => check(Buffer.concat([Buffer.from([0x04, 0x88, 0xad, 0xe4, 0]), Buffer.alloc(8), bytes(32, seed + 'c'), Buffer.from([0]), bytes(32, seed + 'k')]));
function mnemonic(seed: string, words = 12): string {
  const entropy = bytes((words * 11 - words / 3) / 8, seed);
  const bits =
    [...entropy].map((b) => b.toString(2).padStart(8, '0')).join('') +
    [...sha(entropy)]
      .map((b) => b.toString(2).padStart(8, '0'))
      .join('')
      .slice(0, words / 3);
  return bits
    .match(/.{11}/g)!
    .map((b) => BIP39_ENGLISH[parseInt(b, 2)])
    .join(' ');
}

const k1 = wif('w1');
const k2 = wif('w2', false);
const k3 = wif('w3', true, true);
const x1 = xprv('x1');
const m12 = mnemonic('m1');
const m24 = mnemonic('m2', 24);
const hex = rand(64, HEX, 'eth');
// Same words, last one swapped: the checksum no longer verifies.
const edited = m12
  .split(' ')
  .slice(0, 11)
  .concat(m12.endsWith(' zoo') ? 'zone' : 'zoo')
  .join(' ');
const badWif = k1.slice(0, -1) + (k1.endsWith('a') ? 'b' : 'a');

ruleTester(rule, {
  valid: [
    `private_key = "${badWif}"`, // base58 of the right length, checksum fails
    `btc_key: ${rand(51, B58, 'notwif')}`,
    // BIP-39's own test vectors repeat words.
    `MNEMONIC="${Array(11).fill('abandon').join(' ')} about"`,
    `mnemonic: "${cat('legal winner thank year ', 'wave sausage worth useful ')}legal winner thank yellow"`,
    `seed_phrase = "${'the quick brown fox jumps over the lazy dog and runs away'}"`, // not BIP-39 words
    `description = "${m12}"`, // not a seed name
    `test_mnemonic = "${m12}"`,
    'MNEMONIC=${MNEMONIC}',
    `WALLET_ADDRESS=0x${rand(40, HEX, 'addr')}`,
    `wallet_public_key = "0x${hex}"`,
    `tx_hash = "0x${hex}"`,
    `PRIVATE_KEY=0x${'0'.repeat(63)}1`,
    { code: `const privateKeyHash = "${hex}";`, path: 'src/app.ts' },
    { code: `api_private_key = "${hex}"`, path: 'src/app.py' }, // no wallet context: generic-secret's call
    // An app's own 64-hex keys in its .env (Outline's SECRET_KEY, UTILS_SECRET): generic-secret's.
    { code: `SECRET_KEY=${hex}\nUTILS_SECRET=${hex}\n`, path: '.env.test' },
    { code: `Block hash: 0x${hex}`, path: 'NOTES.md' },
  ],
  invalid: [
    { name: 'WIF compressed', code: `BTC_PRIVATE_KEY=${k1}`, path: '.env', secret: k1, count: 1 },
    { name: 'WIF uncompressed', code: `wallet = Wallet.from_wif("${k2}")  # key`, secret: k2 },
    { name: 'WIF testnet', code: `bitcoin-cli importprivkey ${k3} "" false # wif`, secret: k3 },
    { name: 'extended private key', code: `const root = HDKey.fromExtendedKey('${x1}');`, secret: x1, count: 1 },
    { name: '12-word mnemonic', code: `module.exports = { networks: { goerli: { accounts: { mnemonic: "${m12}" } } } };`, path: 'hardhat.config.js', secret: m12, count: 1 },
    { name: '24-word seed phrase', code: `SEED_PHRASE='${m24}'`, path: '.env', secret: m24 },
    { name: 'wallet hex key in a Hardhat config', code: `accounts: [process.env.X ?? "0x${hex}"], deployerPrivateKey: "0x${hex}"`, path: 'hardhat.config.ts', secret: `0x${hex}` },
    { name: 'wallet-named hex key', code: `ETH_WALLET_PRIVATE_KEY=${hex}`, path: 'config/settings.env', secret: hex },
    { name: 'EVM key labelled in prose', code: `Oops, forgot to remove it. Private key: 0x${hex} - do not send funds here`, path: 'NOTES.md', secret: `0x${hex}` },
    { name: 'PRIVATE_KEY in .env', code: `PRIVATE_KEY=0x${hex}`, path: '.env', secret: `0x${hex}` },
  ],
});

describe('secrets/crypto-wallet-key grading', () => {
  it('is certain for a verified seed phrase and low for one whose checksum fails', () => {
    expect(runRule(rule, { code: `mnemonic = "${m12}"` })[0]).toMatchObject({ confidence: 'high' });
    const [f] = runRule(rule, { code: `mnemonic = "${edited}"` });
    expect(f).toMatchObject({ confidence: 'low' });
  });
  it('never prints the phrase or the key', () => {
    for (const code of [`mnemonic = "${m12}"`, `BTC_PRIVATE_KEY=${k1}`]) {
      const [f] = runRule(rule, { code });
      expect(f!.excerpt).not.toContain(m12);
      expect(f!.excerpt).not.toContain(k1);
    }
  });
});
