import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/packagist-token.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';
import { crc32 } from '../../../../src/engine/checksum.js';

/** prefix + 60 hex + CRC-32 (hex) of prefix and random part, as Private Packagist documents. */
const token = (kind: string, seed: string): string => {
  const head = cat('packagist', `_${kind}_`, rand(60, HEX, seed));
  return head + crc32(head).toString(16).padStart(8, '0');
};
const org = token('ort', 'ort');
const user = token('uut', 'uut');
const forged = org.slice(0, -8) + (org.endsWith('00000000') ? '11111111' : '00000000');

ruleTester(rule, {
  valid: [
    `auth = "${cat('packagist', '_ort_')}${rand(40, HEX, 'short')}"`, // too short
    `auth = "${cat('packagist', '_xyz_')}${rand(68, HEX, 'kind')}"`, // no such token kind
    `auth = "${cat('packagist', '_ort_')}${'0'.repeat(68)}"`,
    'COMPOSER_AUTH=${{ secrets.COMPOSER_AUTH }}',
  ],
  invalid: [
    { code: `composer config --global --auth http-basic.repo.packagist.com acme ${org}`, path: 'setup.sh', secret: org, count: 1 },
    { code: `{"http-basic": {"repo.packagist.com": {"username": "jdoe", "password": "${user}"}}}`, path: 'auth.json', secret: user },
    { code: `COMPOSER_AUTH='{"http-basic":{"repo.packagist.com":{"username":"token","password":"${forged}"}}}'`, path: '.env', secret: forged },
  ],
});

describe('secrets/packagist-token checksum', () => {
  it('is certain only when the CRC-32 verifies', () => {
    expect(runRule(rule, { code: `t = "${org}"` }).map((f) => f.confidence)).toEqual(['high']);
    expect(runRule(rule, { code: `t = "${forged}"` }).map((f) => f.confidence)).toEqual(['medium']);
  });
});
