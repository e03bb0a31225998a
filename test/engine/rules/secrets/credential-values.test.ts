import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isNonSecretDatum, isPlaceholderPassword, isSaltedDigest, isSeparatedPhrase, isTemplated } from '../../../../src/engine/rules/secrets/lib/credential-values.js';
import { HEX, rand } from '../../../helpers/tokens.js';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** A Base58Check string of `version` and 20 bytes, its checksum computed here (valid unless `corrupt`). */
function base58check(version: number, seed: string, corrupt = false): string {
  const body = Buffer.concat([Buffer.from([version]), Buffer.from(rand(40, HEX, seed), 'hex')]);
  const check = createHash('sha256').update(createHash('sha256').update(body).digest()).digest().subarray(0, 4);
  if (corrupt) check[0] = check[0]! ^ 1;
  const bytes = Buffer.concat([body, check]);
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  for (; n > 0n; n /= 58n) out = BASE58[Number(n % 58n)]! + out;
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

describe('isNonSecretDatum: public identifiers that sit where a secret could', () => {
  it('takes Bitcoin addresses whose Base58Check verifies, and bech32 ones', () => {
    expect(isNonSecretDatum(base58check(0x00, 'p2pkh'))).toBe(true);
    expect(isNonSecretDatum(base58check(0x05, 'p2sh'))).toBe(true);
    expect(isNonSecretDatum(`bc1q${rand(38, '023456789acdefghjklmnpqrstuvwxyz', 'bech')}`)).toBe(true);
    // One bit off in the checksum: random Base58, judged as any value.
    expect(isNonSecretDatum(base58check(0x00, 'p2pkh', true))).toBe(false);
  });
  it('takes Ethereum addresses, qualified constant names, quota ids and a number assigned in prose', () => {
    expect(isNonSecretDatum(`0x${rand(40, HEX, 'eth')}`)).toBe(true);
    expect(isNonSecretDatum(`0x${rand(64, HEX, 'eth-key')}`)).toBe(false); // 32 bytes: a private key's size
    expect(isNonSecretDatum('AlbumPolicy::UNLOCKED_ALBUMS_SESSION_KEY')).toBe(true);
    expect(isNonSecretDatum('FreeTrial_2014-09-01')).toBe(true);
    expect(isNonSecretDatum('price_median_usd=0.008179')).toBe(true);
    expect(isNonSecretDatum('ghcr.io/cloudnative-pg/plugin-barman-cloud-sidecar:v0.12.0')).toBe(true);
    // An Algolia secured API key: base64 of an HMAC in hex and the restrictions it signs.
    expect(isNonSecretDatum(Buffer.from(`${rand(64, HEX, 'hmac')}tagFilters=store_12&validUntil=1900000000`).toString('base64'))).toBe(true);
    expect(
      isNonSecretDatum(
        Buffer.from(rand(48, HEX, 'bytes'), 'hex')
          .toString('base64')
          .repeat(3),
      ),
    ).toBe(false);
  });
});

describe('isPlaceholderPassword: a test describing its case', () => {
  it('takes a password made to be refused', () => {
    expect(isPlaceholderPassword('invalid_chars[]#')).toBe(true);
    expect(isPlaceholderPassword('wrong-password')).toBe(true);
    expect(isPlaceholderPassword(`Inv4lid${rand(8, HEX, 'pw')}`)).toBe(false);
  });
});

describe('isTemplated: values built or fetched at run time', () => {
  it("takes PHP's interpolation in a string and a Secret Manager reference", () => {
    expect(isTemplated('barryIsTheBest{$i}')).toBe(true);
    expect(isTemplated('secret-{$user->id}')).toBe(true);
    expect(isTemplated('WEBHOOK_SECRET:celo-mobile-mainnet/WEBHOOK_SECRET')).toBe(true);
    expect(isTemplated(rand(32, undefined, 'plain'))).toBe(false);
  });
});

describe('isSaltedDigest and isSeparatedPhrase', () => {
  it('know a salt and a digest joined, and a sentence typed as a stand-in', () => {
    expect(isSaltedDigest(`${rand(32, HEX, 's')}.${rand(128, HEX, 'd')}`)).toBe(true);
    expect(isSaltedDigest(`${rand(32, HEX, 's')}.${rand(20, HEX, 'd')}`)).toBe(false); // no digest's length
    expect(isSeparatedPhrase('COMPLETE_CONFIG_SECRET_MARKER_3f2a')).toBe(true);
    expect(isSeparatedPhrase('lnbits-secret=x-api-key-abc123-super-secret')).toBe(true);
    expect(isSeparatedPhrase(`${rand(8, undefined, 'g1')}_${rand(8, undefined, 'g2')}_${rand(8, undefined, 'g3')}_${rand(8, undefined, 'g4')}`)).toBe(false);
  });
});
