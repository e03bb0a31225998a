import { defineSecretRuleSet } from './lib/rule-set.js';
import { isPlaceholderPassword, isTemplated } from './lib/credential-values.js';
import { decodeJunos9 } from './lib/junos-9.js';

/**
 * Cisco's type 7 "encryption" is a fixed XOR key stream (public since 1995): `password 7 0822455D0A16`
 * decodes to the password with a table anyone can look up. Two decimal digits pick the start in the
 * table; hex pairs follow.
 */
const XLAT = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';

/** The password a type 7 string encodes, or undefined when it decodes to anything but printable ASCII (a hex id). */
export function decodeType7(s: string): string | undefined {
  const m = /^([0-9]{2})((?:[0-9A-Fa-f]{2}){1,40})$/.exec(s);
  if (!m) return undefined;
  const seed = Number(m[1]);
  if (seed > 15) return undefined; // IOS picks the start from 0–15
  const hex = m[2]!;
  let out = '';
  for (let i = 0; i < hex.length / 2; i++) {
    const c = parseInt(hex.slice(2 * i, 2 * i + 2), 16) ^ XLAT.charCodeAt((seed + i) % XLAT.length);
    if (c < 0x20 || c > 0x7e) return undefined;
    out += String.fromCharCode(c);
  }
  return out;
}

/**
 * A value a guide or a test writes in place of a real one: `cisco`, `<password>`, `{{ enable_pw }}`,
 * `$SNMP_RO`, or one named after its field (`community_name`, `commu1`, `integrationComm`, `pswd2`).
 */
function isSample(v: string): boolean {
  return (
    isTemplated(v) ||
    isPlaceholderPassword(v) ||
    /^(?:cisco|class|public|private|secret|password|community|ciscocisco|c1sco\d*|cisco\d{1,4}|blah\d*)$/i.test(v) ||
    /^\$(?:[A-Za-z_]|\{)/.test(v) ||
    /comm(?:u|$)|passw|pswd|secret|^(?:user|name|key)\d*$/i.test(v)
  );
}

// Configuration lines begin the line (after indentation); IOS, NX-OS, ASA and IOS XE spell these alike.
const LINE = String.raw`(?:^|\n)[ \t]*`;
/** A plain-text value: type 0 or no type given. Not `5`/`8`/`9` (hashes) nor `7` (below). */
const PLAIN = String.raw`(?:0[ \t]+)?(?<secret>(?![0-9][ \t])[^\s"']{4,128})(?=[ \t]*(?:\r?\n|$))`;

/**
 * Passwords in network device configurations (Cisco IOS / NX-OS / ASA, Juniper Junos): plain-text
 * `enable password …`, `username … password 0 …`, SNMP community strings, TACACS+/RADIUS and IKE keys,
 * and the reversible forms that are plain text in disguise (Cisco type 7, Junos `$9$`). Running
 * configurations land in repositories as backups, lab files and Ansible templates; anyone who reads
 * one logs in to the device. One-way hashes (`secret 5 $1$…`, `secret 8`/`9`, Junos `$6$`) are not
 * reported.
 */
export default defineSecretRuleSet({
  id: 'secrets/network-device-password',
  description: 'Password in a network device configuration (Cisco, Juniper)',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      // Cisco type 7: reversible.
      keywords: ['password 7', 'key 7', 'secret 7', 'key-string 7'],
      pattern: new RegExp(
        LINE +
          String.raw`(?:enable[ \t]+password(?:[ \t]+level[ \t]+\d{1,2})?|username[ \t]+\S{1,64}(?:[ \t]+privilege[ \t]+\d{1,2})?[ \t]+(?:password|secret)|(?:tacacs-server|radius-server)(?:[ \t]+host[ \t]+\S{1,100})?[ \t]+key|key[ \t]+\d{1,3}[ \t]+key-string|key-string|(?:ip[ \t]+)?(?:ospf|rip|eigrp|bgp)?[ \t]*authentication[ \t]+key|neighbor[ \t]+\S{1,100}[ \t]+password|password|key)[ \t]+7[ \t]+(?<secret>[0-9]{2}[0-9A-Fa-f]{2,80})(?=[ \t]*(?:\r?\n|$))`,
        'g',
      ),
      confidence: 'high',
      // A guide's `password 7 0822455D0A16` is `cisco`: judged by what it decodes to.
      validate: (s) => {
        const plain = decodeType7(s);
        return plain !== undefined && !isSample(plain);
      },
      message: 'Cisco type 7 password committed: type 7 is a reversible encoding (any decoder recovers the password), not encryption.',
    },
    {
      // Junos `$9$`: reversible.
      keywords: ['$9$'],
      pattern: /(?:^|\n)[ \t]*(?:[\w-]{1,40}[ \t]+){0,6}(?:secret|authentication-key|ascii-text|key|password|pre-shared-key)[ \t]+"?(?<secret>\$9\$[A-Za-z0-9./-]{4,200})"?[ \t]*;?/g,
      confidence: 'high',
      // Judged by what it decodes to: a look-alike (`$9$SECRETSTRINGORSOMETHING`) decodes to no text.
      validate: (s) => {
        const plain = decodeJunos9(s);
        return plain !== undefined && plain.length > 0 && /^[\x20-\x7e]+$/.test(plain) && !isSample(plain);
      },
      message: 'Juniper $9$ secret committed: $9$ is a reversible encoding, so the configuration carries the secret itself.',
    },
    {
      // `enable password …` (plain; `enable secret` with no type is plain text written for the device to hash).
      keywords: ['enable password', 'enable secret'],
      pattern: new RegExp(LINE + String.raw`enable[ \t]+(?:password|secret)(?:[ \t]+level[ \t]+\d{1,2})?[ \t]+` + PLAIN, 'g'),
      placeholders: 'loose',
      validate: (s) => !isSample(s),
      message: 'Cisco enable password in plain text committed: whoever reads it has privileged access to the device.',
    },
    {
      keywords: ['username'],
      pattern: new RegExp(LINE + String.raw`username[ \t]+\S{1,64}(?:[ \t]+privilege[ \t]+\d{1,2})?[ \t]+(?:password|secret)[ \t]+` + PLAIN, 'g'),
      placeholders: 'loose',
      validate: (s) => !isSample(s),
      message: 'Network device user password in plain text committed.',
    },
    {
      // SNMP v1/v2c community strings are passwords sent in clear; `RW` ones can reconfigure the device.
      keywords: ['snmp-server community'],
      pattern: /(?:^|\n)[ \t]*snmp-server[ \t]+community[ \t]+(?:0[ \t]+)?(?<secret>(?![0-9][ \t])[^\s"']{4,128})(?=[ \t]+(?:view[ \t]+\S+[ \t]+)?(?:RO|RW|ro|rw)\b|[ \t]*(?:\r?\n|$))/g,
      placeholders: 'loose',
      validate: (s) => !isSample(s),
      message: 'SNMP community string committed: it is the password of SNMP v1/v2c, sent in clear; with RW it can reconfigure the device.',
    },
    {
      // TACACS+/RADIUS shared keys and IKE pre-shared keys.
      keywords: ['tacacs', 'radius', 'isakmp', 'pre-shared-key'],
      pattern: new RegExp(
        LINE +
          String.raw`(?:(?:tacacs-server|radius-server)(?:[ \t]+host[ \t]+\S{1,100})?[ \t]+key|crypto[ \t]+isakmp[ \t]+key|pre-shared-key)[ \t]+(?:0[ \t]+)?(?<secret>(?![0-9][ \t])[^\s"']{6,128})(?=[ \t]+address[ \t]|[ \t]*(?:\r?\n|$))`,
        'g',
      ),
      placeholders: 'loose',
      validate: (s, m) => !isSample(s) && /tacacs|radius|isakmp|pre-shared-key/i.test(m[0]),
      message: 'TACACS+/RADIUS or IKE shared key committed in plain text.',
    },
  ],
  revoke: {
    provider: 'The network devices (and the TACACS+/RADIUS server or VPN peer) that use it',
    url: 'https://www.cisco.com/c/en/us/td/docs/ios-xml/ios/security/m1/sec-m1-cr-book/sec-cr-e1.html#wp3438133116',
    steps: [
      'Change the password, community or shared key on every device (and server or peer) that uses it; the committed one must be treated as public.',
      'Store device passwords as one-way hashes (`enable algorithm-type scrypt secret`, `username … algorithm-type scrypt secret`), never type 0 or 7; replace SNMP v1/v2c communities with SNMPv3 users.',
      'Keep running-config backups out of the repository, or template them from a secret store (Ansible Vault, `{{ }}` variables).',
    ],
  },
});
