import { createDecipheriv } from 'node:crypto';
import { defineSecretRuleSet } from './lib/rule-set.js';

/**
 * Group Policy Preferences encrypt `cpassword` with AES-256-CBC under one key that Microsoft published
 * in the protocol's specification ([MS-GPPREF] 2.2.1.1.4), with a zero IV: every domain user can read
 * the SYSVOL share and decrypt it (MS14-025). The value is base64 without padding of the UTF-16LE password.
 */
const MS_GPPREF_AES = Buffer.from('4e9906e8fcb66cc9faf49310620ffee8f496e806cc057990209b09a433b66c1b', 'hex');

/** The password a cpassword decrypts to, or undefined when it is no GPP ciphertext (bad length, padding or text). */
export function decryptCpassword(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]{20,1400}={0,2}$/.test(value)) return undefined;
  const b64 = value.replace(/=+$/, '');
  const bytes = Buffer.from(b64 + '='.repeat((4 - (b64.length % 4)) % 4), 'base64');
  if (bytes.length === 0 || bytes.length % 16 !== 0) return undefined;
  let plain: Buffer;
  try {
    const d = createDecipheriv('aes-256-cbc', MS_GPPREF_AES, Buffer.alloc(16));
    plain = Buffer.concat([d.update(bytes), d.final()]);
  } catch {
    return undefined; // bad padding: not encrypted under the published key
  }
  if (plain.length === 0 || plain.length % 2 !== 0) return undefined;
  const text = plain.toString('utf16le');
  return /^[\x20-\x7e\u00a0-\u024f]{1,256}$/.test(text) ? text : undefined;
}

/**
 * A `cpassword="…"` in a Group Policy Preferences file (Groups.xml, Services.xml, ScheduledTasks.xml,
 * DataSources.xml, Drives.xml, Printers.xml) that decrypts under Microsoft's published key: the password
 * of a local administrator, service or mapped drive, as good as in clear. An empty `cpassword=""` (what
 * GPMC writes since MS14-025) is nothing.
 */
export default defineSecretRuleSet({
  id: 'secrets/gpp-cpassword',
  description: 'Group Policy Preferences cpassword (decryptable with the key Microsoft published)',
  severity: 'high',
  confidence: 'high',
  variants: [
    {
      keywords: ['cpassword'],
      pattern: /\bcpassword[ \t]*=[ \t]*["'](?<secret>[A-Za-z0-9+/]{20,1400}={0,2})["']/g,
      placeholders: 'off',
      validate: (s) => decryptCpassword(s) !== undefined,
      message: 'Group Policy Preferences cpassword committed: it decrypts with the AES key Microsoft published (MS14-025), so the account password is exposed.',
    },
  ],
  revoke: {
    provider: 'Active Directory (the accounts the Group Policy Preference sets)',
    url: 'https://learn.microsoft.com/en-us/security-updates/securitybulletins/2014/ms14-025',
    steps: [
      'Change the password of the account the preference sets (often the built-in local Administrator on every machine the policy reached) and of any account sharing it.',
      'Delete the preference item from the GPO and from SYSVOL (Groups.xml, Services.xml, ScheduledTasks.xml, DataSources.xml, Drives.xml, Printers.xml); install MS14-025 so GPMC no longer writes passwords.',
      'Manage local administrator passwords with Windows LAPS instead, and review logons with that account since the file was exposed.',
    ],
  },
});
