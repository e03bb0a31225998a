import { createDecipheriv, createHash } from 'node:crypto';
import type { FileView, RawFinding, RepoView, Rule, RuleContext } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isPlaceholderPassword } from './lib/credential-values.js';

/**
 * Maven 3's password encryption (plexus-cipher): `{base64}` of an 8-byte salt, a pad length, AES-128-CBC
 * ciphertext and padding, key and IV the two halves of SHA-256(password ‖ salt). The master password in
 * settings-security.xml is encrypted so under the fixed password `settings.security`: anyone decrypts it,
 * and with it every `{…}` password of settings.xml.
 */
const FIXED_MASTER_KEY = 'settings.security';

/** What a `{…}` value (text around the braces allowed, as Maven allows it) decrypts to under `password`. */
export function decryptMaven(value: string, password: string): string | undefined {
  const inner = /\{([A-Za-z0-9+/]{24,2000}={0,2})\}/.exec(value)?.[1];
  if (!inner) return undefined;
  const bytes = Buffer.from(inner, 'base64');
  if (bytes.length < 8 + 1 + 16) return undefined;
  const salt = bytes.subarray(0, 8);
  const padLen = bytes[8]!;
  const body = bytes.subarray(9, bytes.length - padLen);
  if (body.length === 0 || body.length % 16 !== 0) return undefined;
  const keyAndIv = createHash('sha256').update(password, 'utf8').update(salt).digest();
  try {
    const d = createDecipheriv('aes-128-cbc', keyAndIv.subarray(0, 16), keyAndIv.subarray(16, 32));
    const text = Buffer.concat([d.update(body), d.final()]).toString('utf8');
    return /[\p{Cc}\ufffd]/u.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

const isSecurityFile = (path: string): boolean => /(?:^|\/)settings-security\.xml$/i.test(path);
const isSettingsFile = (path: string): boolean => /(?:^|\/)settings(?:-[\w.-]+)?\.xml$/i.test(path) && !isSecurityFile(path);

const MASTER = /<master>([^<]{1,4000})<\/master>/;
const ENCRYPTED = /<(password|passphrase)>([^<{}]{0,400}\{[A-Za-z0-9+/]{24,2000}={0,2}\}[^<{}]{0,400})<\/\1>/g;

/** The master password of a settings-security.xml text, decrypted, or undefined. */
export function masterPassword(text: string): { plain: string; value: string; at: number } | undefined {
  const m = MASTER.exec(text);
  if (!m) return undefined;
  const plain = decryptMaven(m[1]!, FIXED_MASTER_KEY);
  if (plain === undefined || plain.length === 0) return undefined;
  return { plain, value: m[1]!, at: m.index + '<master>'.length };
}

/** The decryptable masters of the scan's settings-security.xml files, by path. */
function masters(repo: RepoView | undefined): Array<{ path: string; plain: string }> {
  if (!repo) return [];
  const out: Array<{ path: string; plain: string }> = [];
  for (const p of repo.paths()) {
    if (!isSecurityFile(p)) continue;
    const text = repo.read(p);
    const m = text === undefined ? undefined : masterPassword(text);
    if (m) out.push({ path: p, plain: m.plain });
  }
  return out;
}

/**
 * Maven's settings-security.xml `<master>` (its encryption is reversible: the key is the fixed string
 * `settings.security`), and the `{…}` passwords of a settings.xml that decrypt with a master found in
 * the same scan. Without the master in the scan an encrypted settings.xml password is not reported:
 * reading it takes a file kept elsewhere.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/maven-master-password',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'Maven master password (settings-security.xml), and settings.xml passwords it decrypts',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The repository managers of the settings.xml <server> entries (Nexus, Artifactory, Sonatype Central, GitHub Packages, …)',
      url: 'https://maven.apache.org/guides/mini/guide-encryption.html',
      steps: [
        'Change the password (or regenerate the user token) of every <server> whose password the master decrypts.',
        'Create a new master password (`mvn --encrypt-master-password`), keep settings-security.xml out of the repository (in ~/.m2 or a CI secret file), and encrypt the new passwords with it.',
        'Prefer `${env.…}` references filled from CI secrets over encrypted passwords in a committed settings.xml.',
      ],
    },
  },
  keywords: ['<master>', '</password>', '</passphrase>'],
  scope: 'file',
  appliesTo: (path) => isSecurityFile(path) || isSettingsFile(path),
  // The masters, to decrypt the settings.xml passwords with.
  context: (path, text) => isSecurityFile(path) && text.includes('<master>'),
  check(file: FileView, ctx: RuleContext): RawFinding[] {
    if (isSecurityFile(file.path)) {
      const m = masterPassword(file.text);
      if (!m || isPlaceholderPassword(m.plain)) return [];
      return [
        {
          start: m.at,
          end: m.at + m.value.length,
          secret: m.value,
          message:
            'Maven master password committed (settings-security.xml): it is encrypted under the fixed key "settings.security", so it decrypts, and with it every encrypted password of settings.xml.',
        },
      ];
    }
    const found = masters(ctx.repo);
    if (found.length === 0) return [];
    const out: RawFinding[] = [];
    ENCRYPTED.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ENCRYPTED.exec(file.text)) !== null) {
      const value = m[2]!;
      const master = found.find((f) => {
        const plain = decryptMaven(value, f.plain);
        return plain !== undefined && plain.length > 0 && !isPlaceholderPassword(plain);
      });
      if (!master) continue;
      const at = m.index + m[1]!.length + 2;
      out.push({
        start: at,
        end: at + value.length,
        secret: value,
        message: `Encrypted Maven password committed with the master password that decrypts it (${master.path}): the repository credential is exposed.`,
      });
    }
    return out;
  },
};

export default rule;
