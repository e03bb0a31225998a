import { describe, expect, it } from 'vitest';
import { FAMILIES, WEIGHTS, decodeJunos9 } from '../../../../src/engine/rules/secrets/lib/junos-9.js';
import rule, { decodeType7 } from '../../../../src/engine/rules/secrets/network-device-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

// Cisco type 7, encoded here (the same public table the rule decodes with), so no encoded password is committed.
const XLAT = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';
function type7(plain: string, seed = 8): string {
  let out = String(seed).padStart(2, '0');
  for (let i = 0; i < plain.length; i++) out += (plain.charCodeAt(i) ^ XLAT.charCodeAt((seed + i) % XLAT.length)).toString(16).toUpperCase().padStart(2, '0');
  return out;
}

const pw = cat(rand(9, undefined, 'ndp'), '#4');
const pw2 = cat(rand(11, undefined, 'ndq'), '!');
const community = rand(14, undefined, 'snmp');
// A Junos `$9$` value encoded here, as a device would (the published table), from a random password.
const J9 = FAMILIES;
const J9_ALPHABET = J9.join('');
const J9_WEIGHTS = WEIGHTS;
function encodeJunos9(plain: string, salt: string): string {
  const extra = 3 - J9.findIndex((f) => f.includes(salt));
  let out = cat('$9', '$', salt, J9_ALPHABET.slice(10, 10 + extra));
  let prev = salt;
  [...plain].forEach((ch, i) => {
    const weights = J9_WEIGHTS[i % J9_WEIGHTS.length]!;
    let n = ch.charCodeAt(0);
    const gaps = weights.map(() => 0);
    for (let k = weights.length - 1; k >= 0; k--) {
      gaps[k] = Math.floor(n / weights[k]!);
      n -= gaps[k]! * weights[k]!;
    }
    for (const g of gaps) {
      prev = J9_ALPHABET[(J9_ALPHABET.indexOf(prev) + g + 1) % J9_ALPHABET.length]!;
      out += prev;
    }
  });
  return out;
}
const junosPlain = rand(14, undefined, 'jun');
const junos = encodeJunos9(junosPlain, 'B');

ruleTester(rule, {
  valid: [
    // A `$9$` look-alike decodes to no text; a `$9$` value of a sample word is a sample.
    `    secret "${cat('$9$', 'SECRETSTRINGORSOMETHING')}";`,
    `    secret "${encodeJunos9('cisco', 'Q')}";`,
    // Values named after their field, as tests and transcripts write them.
    'snmp-server community community_name RO ADMIN-SUP',
    'snmp-server community commu1 RO',
    'snmp-server community integrationComm RW',
    'enable password level 2 pswd2',
    // One-way hashes: not the password.
    { code: `enable secret 5 ${cat('$1$', 'mERr$', rand(22, undefined, 'md5c'))}\n`, path: 'router1.cfg' },
    { code: `username admin privilege 15 secret 9 ${cat('$9$', rand(14, undefined, 's9'), '$', rand(43, undefined, 'h9'))}\n`, path: 'switch.cfg' },
    { code: `username admin secret 8 ${cat('$8$', rand(14, undefined, 's8'), '$', rand(43, undefined, 'h8'))}\n`, path: 'switch.cfg' },
    { code: `    encrypted-password "${cat('$6$', rand(8, undefined, 'j6'), '$', rand(86, undefined, 'jh'))}"; ## SECRET-DATA\n`, path: 'junos.conf' },
    // Guides' samples, templates and variables.
    'enable password cisco\n',
    'username admin privilege 15 password 0 cisco123\n',
    { code: `username admin password 7 ${type7('cisco', 8)}\n`, path: 'lab.cfg' },
    'snmp-server community public RO\n',
    'snmp-server community private RW\n',
    { code: 'username {{ admin_user }} privilege 15 secret {{ admin_secret }}\n', path: 'templates/ios.j2' },
    { code: 'snmp-server community $SNMP_RO RO\n', path: 'render.sh' },
    // A hex string after `7` that is no type 7 password (not printable when decoded).
    { code: 'password 7 99FFFFFFFFFF\n', path: 'x.cfg' },
    // Prose.
    { code: 'Use the enable password command to set a local password.\n', path: 'README.md' },
  ],
  invalid: [
    { name: 'type 7 enable password', code: `hostname r1\nenable password 7 ${type7(pw)}\n`, path: 'backups/r1-running.cfg', line: 2, count: 1 },
    { name: 'type 7 user password', code: `username netops privilege 15 password 7 ${type7(pw2, 3)}\n`, path: 'sw1.txt', count: 1 },
    { name: 'type 7 BGP neighbour', code: ` neighbor 203.0.113.9 password 7 ${type7(pw2, 12)}\n`, path: 'edge.cfg' },
    { name: 'plain enable password', code: `enable password ${pw}\n`, path: 'r2.cfg', secret: pw },
    { name: 'enable secret given in plain text', code: `enable secret 0 ${pw2}\n`, path: 'r2.cfg', secret: pw2 },
    { name: 'plain user password', code: `username backup privilege 15 password 0 ${pw}\n`, path: 'ansible/files/ios.cfg', secret: pw },
    { name: 'SNMP RW community', code: `snmp-server community ${community} RW 99\n`, path: 'core.cfg', secret: community },
    { name: 'TACACS+ key', code: `tacacs-server host 10.1.1.5 key ${pw2}\n`, path: 'core.cfg', secret: pw2 },
    { name: 'IKE pre-shared key', code: `crypto isakmp key ${pw} address 198.51.100.7\n`, path: 'vpn.cfg', secret: pw },
    { name: 'Junos $9$ secret', code: `        authentication-key "${junos}"; ## SECRET-DATA\n`, path: 'junos/mx1.conf', secret: junos },
  ],
});

describe('decodeType7', () => {
  it('decodes what the table encodes, and rejects hex that decodes to control characters', () => {
    expect(decodeType7(type7('Hello-World9', 5))).toBe('Hello-World9');
    expect(decodeType7('99FFFFFFFFFF')).toBeUndefined();
    expect(decodeType7('08ZZ')).toBeUndefined();
  });
});

describe('decodeJunos9', () => {
  it('decodes the published example and what the table encodes, and rejects a look-alike', () => {
    expect(decodeJunos9(cat('$9$', 'LbHX-wg4Z'))).toBe('lc');
    expect(decodeJunos9(junos)).toBe(junosPlain);
    expect(decodeJunos9(cat('$9$', 'dEbY!'))).toBeUndefined();
  });
});
