import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';

/** The whole file: a JSON array of 64 numbers (with room for a pretty-printer's line breaks). */
const KEYPAIR = /^\s*\[\s*(?:\d{1,3}\s*,\s*){63}\d{1,3}\s*\]\s*$/;
/** PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410), so that node:crypto derives its public key. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The 64 bytes are an Ed25519 seed followed by the public key derived from it: a key pair, by construction. */
export function isEd25519Keypair(bytes: Uint8Array): boolean {
  if (bytes.length !== 64) return false;
  try {
    const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, bytes.subarray(0, 32)]), format: 'der', type: 'pkcs8' });
    const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
    return Buffer.compare(spki.subarray(spki.length - 32), bytes.subarray(32)) === 0;
  } catch {
    return false;
  }
}

/**
 * A Solana key pair file, as `solana-keygen new` writes it (`id.json`, a program's deploy key in
 * `target/deploy/*-keypair.json`, a test wallet): a JSON array of the 64 bytes of an Ed25519 seed and its
 * public key. Whoever holds it signs for the wallet or upgrades the program. Reported only when the second
 * half is the public key of the first, so no other list of 64 numbers is taken for one.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/solana-keypair-file',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'Solana key pair file (a JSON array of an Ed25519 secret key and its public key)',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'Solana (the wallet or program the key controls)',
      url: 'https://docs.solanalabs.com/cli/wallets/file-system',
      steps: [
        'Move what the wallet holds to a new key pair, and for a program set a new upgrade authority (`solana program set-upgrade-authority`).',
        'Check the address on a block explorer for transfers or upgrades since the commit.',
        'Keep key pair files out of the repository (`.gitignore` `*-keypair.json`, `id.json`) and load them from a secret store in CI.',
      ],
    },
  },
  keywords: [],
  scope: 'file',
  appliesTo: (path) => /\.json$/i.test(path),
  check(file: FileView): RawFinding[] {
    const text = file.text;
    if (text.length > 1024 || !KEYPAIR.test(text)) return [];
    const numbers = text.match(/\d{1,3}/g)!.map(Number);
    if (numbers.some((n) => n > 255) || !isEd25519Keypair(Uint8Array.from(numbers))) return [];
    const start = text.indexOf('[');
    const end = text.lastIndexOf(']') + 1;
    return [{ start, end, secret: text.slice(start, end), message: 'Solana key pair file committed: its first 32 bytes are an Ed25519 secret key, and the rest is the public key they derive.' }];
  },
};

export default rule;
