import { createDecipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isPlaceholderPassword } from './lib/credential-values.js';

/**
 * mRemoteNG encrypts the passwords in confCons.xml under a master password which, unless the user sets
 * one ("Protected" then says so), is the default `mR3m` compiled into the program: anyone decrypts them.
 * - AES-256-GCM (ConfVersion 2.6 and later): base64 of salt (16) ‖ nonce (16) ‖ ciphertext ‖ tag (16), the
 *   key PBKDF2-HMAC-SHA1(master, salt, KdfIterations, 32 bytes), the salt also the associated data.
 * - Legacy Rijndael (older files, no EncryptionEngine attribute): base64 of IV (16) ‖ AES-CBC ciphertext,
 *   the key MD5(master).
 * An empty password is written as an empty attribute in both.
 */
const DEFAULT_MASTER = 'mR3m';
const NOT_PROTECTED = 'ThisIsNotProtected';
/** PBKDF2 iterations spent per file at most (about 0.7 s); past it, values are reported undecrypted. */
const ITERATION_BUDGET = 1_000_000;

export type MremotengCipher = { kind: 'gcm'; iterations: number } | { kind: 'legacy' };

/** The text a value decrypts to under `master`, or undefined when it does not (wrong key, not a value). */
export function decryptMremoteng(value: string, cipher: MremotengCipher, master = DEFAULT_MASTER): string | undefined {
  if (!/^[A-Za-z0-9+/]{20,20000}={0,2}$/.test(value)) return undefined;
  const bytes = Buffer.from(value, 'base64');
  try {
    if (cipher.kind === 'gcm') {
      if (bytes.length < 16 + 16 + 16 + 1) return undefined;
      const salt = bytes.subarray(0, 16);
      const key = pbkdf2Sync(master, salt, cipher.iterations, 32, 'sha1');
      const d = createDecipheriv('aes-256-gcm', key, bytes.subarray(16, 32));
      d.setAAD(salt);
      d.setAuthTag(bytes.subarray(bytes.length - 16));
      return Buffer.concat([d.update(bytes.subarray(32, bytes.length - 16)), d.final()]).toString('utf8');
    }
    if (bytes.length < 32 || bytes.length % 16 !== 0) return undefined;
    const key = createHash('md5').update(master, 'utf8').digest();
    const d = createDecipheriv('aes-128-cbc', key, bytes.subarray(0, 16));
    const text = Buffer.concat([d.update(bytes.subarray(16)), d.final()]).toString('utf8');
    // CBC has no tag: a wrong key passes the padding check once in 256; its text is not text.
    return /[\p{Cc}\ufffd]/u.test(text.replace(/[\t\r\n]/g, '')) ? undefined : text;
  } catch {
    return undefined;
  }
}

const ATTRS = new Map<string, RegExp>();
/** An attribute's raw value in an element's attribute text. */
function attr(attrs: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  return re.exec(attrs)?.[1];
}

// Bounded: an unclosed tag on a long line is not read to its end at every start.
const ROOT = /<(?:mrng:)?Connections\b([^<>]{0,4000})>/;
const NODE = /<Node\b([^<>]{0,20000})>/g;
const PASSWORD_ATTR = /(?<![\w-])(Password|RDGatewayPassword|VNCProxyPassword)="([^"]*)"/g;

/**
 * The stored passwords of an mRemoteNG connections file (confCons.xml, its backups and exports): each
 * connection's Password (and RD Gateway and VNC proxy passwords) that decrypts, under the default master
 * password, to something other than empty or a placeholder. In a file protected by a master password
 * of the user's own (its Protected value does not decrypt under the default), the stored values are
 * reported at low confidence only: reading them takes that password. A fully encrypted file (FullFileEncryption) under the default password is
 * decrypted whole and reported once, at its encrypted body.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/mremoteng-password',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'mRemoteNG saved connection password (confCons.xml, encrypted under the default master password)',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The hosts of the saved connections (RDP, SSH, VNC, … servers and their domain accounts)',
      url: 'https://mremoteng.readthedocs.io/en/latest/howtos/encryption.html',
      steps: [
        'Change the password of every account the file holds (each connection’s Username and Domain, on the host it names) — a domain account first, as it opens more than one host.',
        'Remove confCons.xml (and its .backup copies) from the repository and its history.',
        'In mRemoteNG, set a master password of your own (Options → Security / File → Set password), or stop saving passwords in connections.',
      ],
    },
  },
  // The root element's version attribute: rare outside mRemoteNG's files, so a keyword, not a name test.
  keywords: ['confversion'],
  scope: 'file',
  appliesTo: (path) => /\.xml$|(?:^|\/)confcons[^/]*$/i.test(path),
  check(file: FileView): RawFinding[] {
    const text = file.text;
    const root = ROOT.exec(text);
    if (!root) return [];
    const rootAttrs = root[1]!;
    let cipher: MremotengCipher;
    const engine = attr(rootAttrs, 'EncryptionEngine');
    if (engine === undefined) cipher = { kind: 'legacy' };
    else {
      // Serpent and Twofish (BouncyCastle) and the CCM and EAX modes have no node:crypto counterpart, and
      // an iteration count past the budget is not spent: the values are reported undecrypted, low.
      const mode = attr(rootAttrs, 'BlockCipherMode') ?? 'GCM';
      const iterations = Number(attr(rootAttrs, 'KdfIterations') ?? '1000');
      if (engine !== 'AES' || mode !== 'GCM' || !Number.isInteger(iterations) || iterations < 1 || iterations > ITERATION_BUDGET)
        return undecrypted(
          text,
          `encrypted with ${engine}/${mode} and ${attr(rootAttrs, 'KdfIterations') ?? 'default'} iterations, not decrypted here (under the default master password, mRemoteNG's own decoders read it)`,
        );
      cipher = { kind: 'gcm', iterations };
    }
    const cost = cipher.kind === 'gcm' ? cipher.iterations : 1;
    let spent = 0;
    const decrypt = (v: string): string | undefined | null => {
      if (spent + cost > ITERATION_BUDGET) return null; // not tried
      spent += cost;
      return decryptMremoteng(v, cipher);
    };
    const isProtected = attr(rootAttrs, 'Protected');
    if (isProtected !== undefined && isProtected !== '') {
      const plain = decrypt(isProtected);
      // A master password of the user's own: nothing here reads the file. Its stored passwords are still
      // reported, low: PBKDF2-HMAC-SHA1 at mRemoteNG's iteration counts is cheap to guess offline, and a
      // low finding says what the value is (ciphertext under a chosen password), where a generic rule
      // would call it a high-entropy password.
      if (plain === undefined) return undecrypted(text, "encrypted under a master password of the user's own (not decrypted): the file can still be attacked offline by guessing that password");
      if (plain !== NOT_PROTECTED) return [];
    }
    const out: RawFinding[] = [];
    if (attr(rootAttrs, 'FullFileEncryption')?.toLowerCase() === 'true') {
      const start = root.index + root[0].length;
      const close = text.indexOf('</', start);
      const body = text.slice(start, close === -1 ? text.length : close).trim();
      const inner = body ? decrypt(body) : undefined;
      if (!inner) return [];
      const names = storedPasswords(inner, decrypt).map((p) => p.name);
      if (names.length === 0) return [];
      const at = text.indexOf(body, start);
      out.push({
        start: at,
        end: at + body.length,
        secret: body,
        message: `mRemoteNG connections file committed, encrypted whole under the default master password (mR3m): it decrypts, and holds the saved passwords of ${names.length} connection(s) (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}).`,
      });
      return out;
    }
    for (const p of storedPasswords(text, decrypt)) {
      out.push({
        start: p.at,
        end: p.at + p.value.length,
        secret: p.value,
        ...(p.decrypted ? {} : { confidence: 'medium' as const }),
        message: p.decrypted
          ? `mRemoteNG saved ${p.attr === 'Password' ? 'password' : p.attr} of connection "${p.name}" committed: it is encrypted only under mRemoteNG's default master password (mR3m), so it decrypts.`
          : `mRemoteNG saved ${p.attr === 'Password' ? 'password' : p.attr} of connection "${p.name}" committed, under the default master password (not decrypted: too many in one file).`,
      });
    }
    return out;
  },
};

/** Each non-empty password attribute of a file this rule does not decrypt, at low confidence; `why` says why. */
function undecrypted(text: string, why: string): RawFinding[] {
  const out: RawFinding[] = [];
  NODE.lastIndex = 0;
  let n: RegExpExecArray | null;
  while ((n = NODE.exec(text)) !== null) {
    const attrs = n[1]!;
    PASSWORD_ATTR.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = PASSWORD_ATTR.exec(attrs)) !== null) {
      const value = a[2]!;
      if (!/^[A-Za-z0-9+/]{64,20000}={0,2}$/.test(value)) continue;
      const at = n.index + '<Node'.length + a.index + a[0].indexOf('"') + 1;
      out.push({
        start: at,
        end: at + value.length,
        secret: value,
        severity: 'medium',
        confidence: 'low',
        message: `mRemoteNG saved ${a[1] === 'Password' ? 'password' : a[1]} committed, ${why}.`,
      });
    }
  }
  return out;
}

interface Stored {
  name: string;
  attr: string;
  value: string;
  at: number;
  decrypted: boolean;
}

/** Each non-empty password attribute of a `<Node>` that decrypts to a real password (or could not be tried). */
function storedPasswords(text: string, decrypt: (v: string) => string | undefined | null): Stored[] {
  const out: Stored[] = [];
  NODE.lastIndex = 0;
  let n: RegExpExecArray | null;
  while ((n = NODE.exec(text)) !== null) {
    const attrs = n[1]!;
    const name = (attr(attrs, 'Name') ?? '')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .slice(0, 80);
    PASSWORD_ATTR.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = PASSWORD_ATTR.exec(attrs)) !== null) {
      const value = a[2]!;
      if (value === '') continue;
      const plain = decrypt(value);
      if (plain === undefined) continue; // not under the default password, or not a value at all
      if (plain !== null && (plain === '' || isPlaceholderPassword(plain, attr(attrs, 'Username')))) continue;
      if (plain === null && !/^[A-Za-z0-9+/]{20,20000}={0,2}$/.test(value)) continue;
      const at = n.index + '<Node'.length + a.index + a[0].indexOf('"') + 1;
      out.push({ name, attr: a[1]!, value, at, decrypted: plain !== null });
    }
  }
  return out;
}

export default rule;
