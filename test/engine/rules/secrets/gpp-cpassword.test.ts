import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule, { decryptCpassword } from '../../../../src/engine/rules/secrets/gpp-cpassword.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, cat, rand } from '../../../helpers/tokens.js';

// Encrypted here under the key of [MS-GPPREF] 2.2.1.1.4, so no cpassword is committed.
const KEY = Buffer.from(['4e9906e8fcb66cc9faf49310620ffee8', 'f496e806cc057990209b09a433b66c1b'].join(''), 'hex');
function cpassword(plain: string): string {
  const c = createCipheriv('aes-256-cbc', KEY, Buffer.alloc(16));
  return Buffer.concat([c.update(Buffer.from(plain, 'utf16le')), c.final()])
    .toString('base64')
    .replace(/=+$/, '');
}

const pw = cat(rand(10, undefined, 'gpp'), '!7');
const groups = (cp: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<Groups clsid="{3125E937-EB16-4b4c-9934-544FC6D24D26}"><User clsid="{DF5F1855-51E5-4d24-8B1A-D9BDE98BA1D1}" name="Administrator (built-in)"><Properties action="U" cpassword="${cp}" userName="Administrator (built-in)"/></User></Groups>\n`;

ruleTester(rule, {
  valid: [
    // What GPMC writes since MS14-025.
    { code: groups(''), path: 'Machine/Preferences/Groups/Groups.xml' },
    // Base64 that is no ciphertext under the published key (bad padding).
    { code: groups(rand(43, B64, 'notgpp')), path: 'Groups.xml' },
    { code: 'Search SYSVOL for cpassword="..." attributes.\n', path: 'README.md' },
  ],
  invalid: [
    {
      name: 'Groups.xml local administrator',
      code: groups(cpassword(pw)),
      path: 'Policies/{31B2F340-016D-11D2-945F-00C04FB984F9}/Machine/Preferences/Groups/Groups.xml',
      secret: cpassword(pw),
      count: 1,
    },
    {
      name: 'ScheduledTasks.xml run-as password',
      code: `<Task clsid="{2DEECB1C-261F-4e13-9B21-16FB83BC03BD}" name="backup"><Properties action="C" runAs="CORP\\svc_backup" cpassword="${cpassword(pw + 'x')}" logonType="Password"/></Task>\n`,
      path: 'ScheduledTasks/ScheduledTasks.xml',
    },
  ],
});

describe('decryptCpassword', () => {
  it('recovers the password, and nothing from other base64', () => {
    expect(decryptCpassword(cpassword(pw))).toBe(pw);
    expect(decryptCpassword(rand(44, B64, 'other'))).toBeUndefined();
  });
});
