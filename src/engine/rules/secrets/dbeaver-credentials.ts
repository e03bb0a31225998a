import { createDecipheriv } from 'node:crypto';
import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

/**
 * DBeaver (6.1.3 and later) keeps the user names and passwords of a project's connections in
 * `.dbeaver/credentials-config.json`, AES-128-CBC encrypted under a key fixed in its source
 * (DefaultSecureStorage's LOCAL_KEY_CACHE), the IV first: anyone decrypts it. The scanner reads the
 * binary file as one line of base64 (src/engine/decode.ts, encryptedFileLine).
 */
const DBEAVER_LOCAL_KEY = Buffer.from('babb4a9f774ab853c96c2d653dfe544a', 'hex');

/**
 * Older DBeaver (.dbeaver-data-sources.xml) wrote `password="…"` as base64 of the UTF-8 password and the
 * two bytes 00 81, XORed with a key fixed in its source (SimpleStringEncrypter).
 */
const LEGACY_XOR_KEY = Buffer.from('sdf@!#$verf^wv%6Fwe%$$#FFGwfsdefwfe135s$^H)dg', 'latin1');

/** The JSON text credentials-config.json decrypts to, or undefined when it does not. */
export function decryptDbeaverCredentials(base64: string): string | undefined {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < 32 || bytes.length % 16 !== 0) return undefined;
  try {
    const d = createDecipheriv('aes-128-cbc', DBEAVER_LOCAL_KEY, bytes.subarray(0, 16));
    const text = Buffer.concat([d.update(bytes.subarray(16)), d.final()]).toString('utf8');
    return text.trimStart().startsWith('{') ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The password a legacy `password="…"` attribute holds, or undefined when it is no such value. */
export function decryptDbeaverLegacy(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]{4,1400}={0,2}$/.test(value)) return undefined;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length < 3) return undefined;
  for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i]! ^ LEGACY_XOR_KEY[i % LEGACY_XOR_KEY.length]!;
  // The two marker bytes DBeaver appends before XORing: a check no look-alike passes by chance.
  if (bytes[bytes.length - 2] !== 0x00 || bytes[bytes.length - 1] !== 0x81) return undefined;
  return bytes.subarray(0, bytes.length - 2).toString('utf8');
}

const isRealPassword = (p: unknown, user?: unknown): p is string => typeof p === 'string' && p.length > 0 && !isTemplated(p) && !isPlaceholderPassword(p, typeof user === 'string' ? user : undefined);

/**
 * The connections of a decrypted credentials-config.json that hold a password (the connection's own,
 * or an SSH tunnel's or proxy's under `network/…`), by data source id.
 */
export function connectionsWithPasswords(json: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== 'object') return [];
  const out: string[] = [];
  for (const [id, entry] of Object.entries(parsed as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object') continue;
    const parts = Object.values(entry as Record<string, unknown>).filter((v): v is Record<string, unknown> => !!v && typeof v === 'object');
    if (parts.some((p) => isRealPassword(p.password, p.user))) out.push(id);
  }
  return out;
}

const FILE_LINE = /^tokenwarden:encrypted-file dbeaver-credentials base64=([A-Za-z0-9+/]{40,}={0,2})$/m;
const LEGACY = /<connection\b[^<>]{0,4000}?[ \t\r\n]password="([A-Za-z0-9+/]{4,1400}={0,2})"/g;

/**
 * DBeaver's saved connection passwords: `.dbeaver/credentials-config.json` (decrypted with the key in
 * DBeaver's source; reported once, at the file, when a connection in it has a password other than a
 * placeholder) and the `password="…"` attributes of the older `.dbeaver-data-sources.xml` (an XOR with a
 * fixed key, recognised by its marker bytes). A project whose credentials are kept in DBeaver's secure
 * storage or not saved has no password here.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/dbeaver-credentials',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'DBeaver saved connection passwords (credentials-config.json / data-sources.xml, encrypted under a published key)',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The databases of the saved connections (and SSH tunnel hosts)',
      url: 'https://dbeaver.com/docs/dbeaver/Admin-Manage-Connections/',
      steps: [
        'Decrypt the file to list the connections it holds (any of the public DBeaver credential decoders) and change the password of each account on its database or SSH host.',
        'Remove credentials-config.json (or .dbeaver-data-sources.xml) from the repository and its history; share data-sources.json without credentials.',
        'In DBeaver, use a project password or the operating system’s secure storage, or leave "Save password" off for shared projects.',
      ],
    },
  },
  // The line the decoder writes for the encrypted file, and the legacy attribute; only in DBeaver's files.
  keywords: ['tokenwarden:encrypted-file dbeaver-credentials', 'password="'],
  // The whole file: the encrypted file's one line is longer than the windows a long line is read in.
  scope: 'file',
  appliesTo: (path) => /(?:^|\/)(?:credentials-config\.json|\.?(?:dbeaver-)?data-sources[^/]*\.xml)$/i.test(path),
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const text = file.text;
    const line = FILE_LINE.exec(text);
    if (line) {
      const json = decryptDbeaverCredentials(line[1]!);
      const ids = json === undefined ? [] : connectionsWithPasswords(json);
      if (ids.length) {
        const at = line.index + line[0].length - line[1]!.length;
        out.push({
          start: at,
          end: at + line[1]!.length,
          secret: line[1]!,
          message: `DBeaver credentials-config.json committed: it is encrypted only under the key published in DBeaver's source, and holds the saved passwords of ${ids.length} connection(s) (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}).`,
        });
      }
    }
    if (!/\.xml$/i.test(file.path)) return out;
    LEGACY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LEGACY.exec(text)) !== null) {
      const value = m[1]!;
      if (!isRealPassword(decryptDbeaverLegacy(value), /[ \t\r\n]user="([^"]*)"/.exec(m[0])?.[1])) continue;
      const at = m.index + m[0].length - value.length - 1;
      out.push({
        start: at,
        end: at + value.length,
        secret: value,
        message: 'DBeaver saved connection password committed (.dbeaver-data-sources.xml): it is only XORed with a key published in DBeaver’s source, so the database password is exposed.',
      });
    }
    return out;
  },
};

export default rule;
