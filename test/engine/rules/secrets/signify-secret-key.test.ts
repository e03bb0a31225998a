import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/signify-secret-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

/** A key blob as the tools write it: `Ed`, the KDF algorithm, then `rest` random bytes. */
const blob = (kdf: string, rest: number): string => Buffer.concat([Buffer.from('Ed'), Buffer.from(kdf, 'latin1'), randomBytes(rest)]).toString('base64');
const minisignSecret = blob('Sc', 154); // 158 bytes
const minisignPlain = blob('\0\0', 154);
const signifySecret = blob('BK', 100); // 104 bytes
const minisignPublic = Buffer.concat([Buffer.from('Ed'), randomBytes(40)]).toString('base64'); // 42 bytes

ruleTester(rule, {
  valid: [
    { code: `untrusted comment: minisign public key 1A2B3C4D\n${minisignPublic}\n`, path: 'minisign.pub' },
    { code: `untrusted comment: signify public key\n${minisignPublic}\n`, path: 'keys/release.pub' },
    // A signature file: the same first line, 74 bytes.
    { code: `untrusted comment: signature from minisign secret key\n${Buffer.concat([Buffer.from('Ed'), randomBytes(72)]).toString('base64')}\n`, path: 'release.tar.gz.minisig' },
    // The secret key's length, but not an Ed25519 blob (`Ed` first).
    { code: `untrusted comment: minisign encrypted secret key\n${Buffer.concat([Buffer.from('RSA1'), randomBytes(154)]).toString('base64')}\n`, path: 'other.key' },
  ],
  invalid: [
    { code: `untrusted comment: minisign encrypted secret key\n${minisignSecret}\n`, path: 'minisign.key', secret: minisignSecret, line: 2 },
    { code: `untrusted comment: minisign secret key\n${minisignPlain}\n`, path: '.minisign/minisign.key', secret: minisignPlain, line: 2 },
    { code: `untrusted comment: signify secret key\n${signifySecret}\n`, path: 'keys/release.sec', secret: signifySecret, line: 2 },
    { code: `env:\n  MINISIGN_KEY: |\n    untrusted comment: minisign encrypted secret key\n    ${minisignSecret}\n`, path: '.github/workflows/release.yml', secret: minisignSecret, line: 4 },
  ],
});

describe('secrets/signify-secret-key', () => {
  it('tells a secret key from the public key by the decoded length', () => {
    expect(runRule(rule, { code: `untrusted comment: minisign public key\n${minisignPublic}\n`, path: 'a.pub' })).toHaveLength(0);
    expect(runRule(rule, { code: `untrusted comment: minisign encrypted secret key\n${minisignSecret}\n`, path: 'a.key' })).toHaveLength(1);
  });
});
