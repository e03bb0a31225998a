import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/vault-unseal-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const share = (): string => randomBytes(33).toString('base64');
const shares = Array.from({ length: 5 }, share);
const hex = randomBytes(33).toString('hex');
const init = `${shares.map((s, i) => `Unseal Key ${i + 1}: ${s}`).join('\n')}\n\nInitial Root Token: s.placeholder\n\nVault initialized with 5 key shares and a key threshold of 3.\n`;

ruleTester(rule, {
  valid: [
    'Unseal Key 1: <unseal key 1>',
    `Unseal Key 1: ${'A'.repeat(44)}`,
    'vault operator unseal $UNSEAL_KEY_1',
    'vault operator unseal -migrate',
    // PGP-encrypted shares (`-pgp-keys`) are longer than a share.
    `Unseal Key 1: ${randomBytes(300).toString('base64')}`,
    // `keys` without the init response's root token: any JSON list of 44-character strings.
    { code: JSON.stringify({ keys: [share()] }), path: 'fixtures/keys.json' },
    { code: 'Unseal Progress    0/3', path: 'status.txt' },
  ],
  invalid: [
    { code: init, path: 'docs/vault-init.txt', secret: shares[0], count: 5, line: 1 },
    { code: `Recovery Key 1: ${shares[1]}`, path: 'README.md', secret: shares[1] },
    { code: `$ vault operator unseal ${shares[2]}`, path: 'docs/setup.md', secret: shares[2] },
    { code: `vault unseal -address=https://vault:8200 ${shares[3]}`, path: 'scripts/unseal.sh', secret: shares[3] },
    { code: `vault operator unseal ${hex}`, path: 'scripts/unseal.sh', secret: hex },
    {
      code: JSON.stringify({ unseal_keys_b64: shares.slice(0, 3), unseal_keys_hex: [hex], unseal_shares: 3, unseal_threshold: 2, root_token: 'hvs.placeholder' }, null, 2),
      path: 'vault-init.json',
      count: 4,
    },
    { code: JSON.stringify({ keys: [hex], keys_base64: [shares[4]], root_token: 'hvs.placeholder' }), path: 'init-response.json', count: 2 },
  ],
});

describe('secrets/vault-unseal-key', () => {
  it('reports each share of the init output at its own line', () => {
    const found = runRule(rule, { code: init, path: 'vault-init.txt' });
    expect(found.map((f) => f.startLine)).toEqual([1, 2, 3, 4, 5]);
  });
});
