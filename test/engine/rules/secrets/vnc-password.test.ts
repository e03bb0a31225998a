import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule, { decryptVncPassword } from '../../../../src/engine/rules/secrets/vnc-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { HEX, cat, rand } from '../../../helpers/tokens.js';

// VNC's fixed DES key (d3des, bits reversed), encrypted here so that no VNC password is committed.
const KEY = Buffer.from([0xe8, 0x4a, 0xd6, 0x60, 0xc4, 0x72, 0x1a, 0xe0]);
function vnc(plain: string): string {
  const c = createCipheriv('des-ede3-ecb', Buffer.concat([KEY, KEY, KEY]), null);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(Buffer.from(plain.slice(0, 8).padEnd(8, '\0'), 'latin1')), c.final()]).toString('hex');
}

const pw = cat(rand(5, undefined, 'vnc'), '#2k');

ruleTester(rule, {
  valid: [
    { code: `[Connection]\nHost=10.0.0.7\nPassword=${vnc('password')}\n`, path: 'server.vnc' },
    // Eight bytes that decrypt to no text.
    { code: '[Connection]\nPassword=ffffffffffffffff\n', path: 'server.vnc' },
    // Outside VNC's files.
    { code: `Password=${vnc(pw)}\n`, path: 'notes.txt' },
  ],
  invalid: [
    { name: '.vnc connection file', code: `[Connection]\nHost=10.0.0.7\nPort=5900\nPassword=${vnc(pw)}\n`, path: 'connections/server01.vnc', secret: vnc(pw), line: 4 },
    { name: 'UltraVNC ultravnc.ini', code: `[ultravnc]\npasswd=${vnc(pw).toUpperCase()}00\n`, path: 'UltraVNC/ultravnc.ini' },
    {
      name: 'TightVNC registry export',
      code: `[HKEY_LOCAL_MACHINE\\SOFTWARE\\TightVNC\\Server]\n"Password"=hex:${vnc(pw).match(/../g)!.join(',')}\n`,
      path: 'tightvnc.reg',
    },
  ],
});

describe('decryptVncPassword', () => {
  it('recovers up to eight characters', () => {
    expect(decryptVncPassword(vnc(pw))).toBe(pw);
    expect(decryptVncPassword(rand(16, HEX, 'novnc'))).toBeUndefined();
  });
});
