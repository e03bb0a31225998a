import { defineSecretRuleSet } from './lib/rule-set.js';

/** The NT hash of the empty password, and LM's of the empty password: no credential. */
const EMPTY = new Set(['31d6cfe0d16ae931b73c59d7e0c089c0', 'aad3b435b51404eeaad3b435b51404ee']);

/**
 * A Samba smbpasswd file (`name:uid:LM:NT:[flags]:LCT-…:`). Unlike a crypt hash, the NT hash is unsalted
 * MD4 and NTLM authenticates with the hash itself: whoever reads it logs in as the user (pass-the-hash)
 * without cracking anything. The LM field, when not disabled (`XXXX…`), is as good.
 */
export default defineSecretRuleSet({
  id: 'secrets/smbpasswd-nt-hash',
  description: 'NT password hash in a Samba smbpasswd file (usable as is: pass-the-hash)',
  severity: 'high',
  confidence: 'high',
  variants: [
    {
      keywords: [':[u', ':[w', ':[d', ':[n', ':[x', ':[l'],
      pattern: /(?:^|\n)[^:\s]{1,64}:\d{1,10}:(?:[0-9A-Fa-f]{32}|X{32}|NO PASSWORDX{21}):(?<secret>[0-9A-Fa-f]{32}):\[[A-Z ]{1,11}\]:LCT-[0-9A-Fa-f]{8}:/g,
      placeholders: 'off',
      validate: (s) => !EMPTY.has(s.toLowerCase()) && !/^(.)\1+$/.test(s),
      message: 'NT password hash in an smbpasswd file committed: NTLM accepts the hash itself (pass-the-hash), so it is as good as the password.',
    },
  ],
  revoke: {
    provider: 'The Samba server (and any Windows or domain account with the same password)',
    url: 'https://www.samba.org/samba/docs/current/man-html/smbpasswd.5.html',
    steps: [
      'Change the user’s password with `smbpasswd <user>` (the hash changes with it), and anywhere else the same password is used.',
      'Keep smbpasswd (or passdb.tdb exports) out of the repository; provision users at deployment from a secret store.',
    ],
  },
});
