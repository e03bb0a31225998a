import { defineSecretRuleSet } from './lib/rule-set.js';
import { isNonSecretDatum, isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

/** FileZilla's own files: the Site Manager, the recent (quick-connect) servers, and its settings. */
const FILEZILLA_FILE = /(?:^|\/)(?:sitemanager|recentservers|filezilla)\.xml$/i;

/** A file FileZilla wrote: one of its own names, or an export (Site Manager → Export) under its root element. */
let seen: { path: string; text: string; is: boolean } | undefined;
function isFileZillaFile(path: string, text: string): boolean {
  // Asked per match: the whole text is searched once per file.
  if (seen?.path !== path || seen.text !== text) seen = { path, text, is: FILEZILLA_FILE.test(path) || text.includes('<FileZilla3') };
  return seen.is;
}

/** A stored password worth reporting: text (not a template, datum or placeholder). */
const isStoredPassword = (p: string): boolean => p.length > 0 && p.length <= 256 && !/\p{Cc}/u.test(p) && !isTemplated(p) && !isNonSecretDatum(p) && !isPlaceholderPassword(p);

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (v: string): string => v.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!);

/** The password a base64-encoded `<Pass>` element holds, or undefined when it is not base64 of text. */
export function decodeFileZillaPass(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]{2,1400}={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
  const text = Buffer.from(value, 'base64').toString('utf8');
  return text.includes('\ufffd') ? undefined : text;
}

/**
 * A password FileZilla saved, base64-encoded in a `<Pass>` element (its encoding attribute says base64) in sitemanager.xml, recentservers.xml,
 * filezilla.xml or a Site Manager export (FileZilla 3.26 and later, without a master password), or the
 * older clear `<Pass>…</Pass>`. Base64 is an encoding, not a protection: the finding points at the stored
 * value, judged by decoding it. A `<Pass encoding="crypt" pubkey="…">` is encrypted to a key that only the
 * user's master password unlocks; nothing in the file reads it, so it is not reported (the master
 * password can still be guessed offline: the file is better kept out of a repository anyway).
 */
export default defineSecretRuleSet({
  id: 'secrets/filezilla-password',
  description: 'FileZilla saved server password (base64 or clear text in sitemanager.xml / recentservers.xml)',
  severity: 'high',
  confidence: 'high',
  // Exports carry any name: every .xml, but only where the rare `</pass>` closes a FileZilla element.
  appliesTo: (path) => /\.xml$/i.test(path),
  variants: [
    {
      keywords: ['</pass>'],
      pattern: /<Pass[ \t]+encoding="base64"[ \t]*>(?<secret>[A-Za-z0-9+/]{2,1400}={0,2})<\/Pass>/g,
      placeholders: 'off',
      validate: (s, _m, file) => {
        if (!isFileZillaFile(file.path, file.text)) return false;
        const plain = decodeFileZillaPass(s);
        return plain !== undefined && isStoredPassword(plain);
      },
      message: 'FileZilla saved password committed: FileZilla stores it only base64-encoded (no master password set), so the server password is exposed.',
    },
    {
      keywords: ['</pass>'],
      pattern: /<Pass>(?<secret>[^<>\r\n]{1,256})<\/Pass>/g,
      placeholders: 'off',
      validate: (s, _m, file) => isFileZillaFile(file.path, file.text) && isStoredPassword(unescapeXml(s)),
      message: 'FileZilla saved password committed in clear text (FileZilla before 3.26 stored it so), so the server password is exposed.',
    },
  ],
  revoke: {
    provider: 'The FTP/FTPS/SFTP server of the saved site',
    url: 'https://wiki.filezilla-project.org/Secure_Passwords',
    steps: [
      'Change the password of the account on the server the site or recent server entry names (its <Host> and <User>).',
      'Remove sitemanager.xml / recentservers.xml (or the export) from the repository and its history.',
      'In FileZilla, protect saved passwords with a master password (Settings → Interface → Passwords) or stop saving them; prefer key authentication for SFTP.',
    ],
  },
});
