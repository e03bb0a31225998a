import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule, { isEd25519Keypair } from '../../../../src/engine/rules/secrets/solana-keypair-file.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { HEX, rand } from '../../../helpers/tokens.js';

// A key pair as solana-keygen writes it: the 32-byte seed, then the public key, as one JSON array.
function keypair(): number[] {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return [...seed, ...pub];
}
const k = keypair();
const json = (bytes: number[]): string => `[${bytes.join(',')}]`;
const random64 = [...Buffer.from(rand(128, HEX, 'sol-random'), 'hex')];

ruleTester(rule, {
  valid: [
    // 64 numbers that are no key pair: random bytes, a half that is not the other's public key.
    { code: json(random64), path: 'example/data.json' },
    { code: json([...k.slice(0, 32), ...random64.slice(32)]), path: 'wallet/id.json' },
    // Not a byte.
    { code: json([...k.slice(0, 63), 256]), path: 'wallet/id.json' },
    // Not the whole file, or not JSON.
    { code: `{"secret": ${json(k)}, "note": "x"}`, path: 'wallet/config.json' },
    { code: json(k), path: 'wallet/id.txt' },
  ],
  invalid: [
    { code: json(k), path: 'example/honeycomb/admin.json', secret: json(k), count: 1, line: 1 },
    { code: `[\n  ${k.join(',\n  ')}\n]\n`, path: 'target/deploy/counter-keypair.json', count: 1 },
  ],
});

describe('isEd25519Keypair', () => {
  it('holds for a seed and its public key only', () => {
    expect(isEd25519Keypair(Uint8Array.from(k))).toBe(true);
    expect(isEd25519Keypair(Uint8Array.from([...k.slice(32), ...k.slice(0, 32)]))).toBe(false);
    expect(isEd25519Keypair(Uint8Array.from(k.slice(0, 32)))).toBe(false);
  });
});
