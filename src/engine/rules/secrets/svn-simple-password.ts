import { defineSecretRuleSet } from './lib/rule-set.js';
import { isNonSecretDatum, isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

/**
 * Subversion caches credentials in ~/.subversion/auth/svn.simple/<MD5 of the realm>, a hash dump of
 * `K <len>` / `V <len>` pairs. With `passtype simple` (no keyring: the default on a server without
 * GNOME Keyring or KWallet, or `store-plaintext-passwords = yes`) the `password` value is in clear; with
 * `wincrypt`, `keychain`, `gnome-keyring`, `kwallet` or `gpg-agent` it is elsewhere or encrypted.
 */
export default defineSecretRuleSet({
  id: 'secrets/svn-simple-password',
  description: 'Subversion cached password in clear (auth/svn.simple, passtype simple)',
  severity: 'high',
  confidence: 'high',
  appliesTo: (path) => /(?:^|\/)svn\.simple\/[0-9a-f]{32}$/i.test(path),
  variants: [
    {
      // Decided by the file's place and name (a realm's MD5 under svn.simple/): no keyword to look for.
      keywords: [],
      pattern: /(?:^|\n)K 8\r?\npassword\r?\nV (?<len>\d{1,4})\r?\n(?<secret>[^\r\n]{1,1000})(?=\r?\n)/g,
      placeholders: 'off',
      validate: (s, m, file) =>
        Buffer.byteLength(s, 'utf8') === Number(m.groups?.len) &&
        /(?:^|\n)K 8\r?\npasstype\r?\nV 6\r?\nsimple\r?\n/.test(file.text) &&
        !isTemplated(s) &&
        !isNonSecretDatum(s) &&
        !isPlaceholderPassword(s),
      message: 'Subversion cached password committed in clear (auth/svn.simple, passtype simple): whoever reads it logs in to the repository server as that user.',
    },
  ],
  revoke: {
    provider: 'The Subversion server of the cached realm (svn:realmstring in the file)',
    url: 'https://svnbook.red-bean.com/en/1.8/svn.serverconfig.netmodel.html#svn.serverconfig.netmodel.credcache',
    steps: [
      'Change the password of the account (the file’s username) on the Subversion server or the directory behind it.',
      'Remove the auth/ folder from the repository and its history.',
      'Use a keyring (gnome-keyring, kwallet, gpg-agent) or set store-plaintext-passwords = no in ~/.subversion/servers.',
    ],
  },
});
