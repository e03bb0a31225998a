import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isPlausibleKeyBody } from './lib/armored-body.js';

// Header and private part are found separately and paired in order (a lazy `[\s\S]*?` between them
// would rescan the file from every header). The body is one bounded class, split into lines afterwards.
const HEADER = /PuTTY-User-Key-File-(?<version>[23]):[ \t]*(?<alg>[\w@.-]{1,64})[ \t]*\r?\nEncryption:[ \t]*(?<enc>[\w-]{1,32})/g;
const PRIVATE = /Private-Lines:[ \t]*(?<lines>\d{1,3})[ \t]*\r?\n(?<body>[A-Za-z0-9+/=\r\n]{1,16384})/g;
const MAX_GAP = 8192;

/**
 * A PuTTY private key file (`.ppk`): `PuTTY-User-Key-File-2/3` with a real `Private-Lines` body.
 * Files with `Encryption: aes256-cbc` are passphrase-protected and reported at lower severity.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/putty-private-key',
    family: 'secrets',
    severity: 'critical',
    confidence: 'high',
    description: 'PuTTY private key (.ppk) committed to the repository',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'Every SSH server or service that trusts the matching public key',
      url: 'https://the.earth.li/~sgtatham/putty/0.81/htmldoc/Chapter8.html',
      steps: [
        'Remove the public key from authorized_keys on every server, and from deploy keys / SSH key settings of Git hosts and cloud consoles.',
        'Generate a new key with PuTTYgen (with a passphrase), install its public half, and keep the .ppk out of the repository.',
        'Review SSH logs on the affected servers for logins with the old key since the commit.',
      ],
    },
  },
  keywords: ['putty-user-key-file'],
  scope: 'file',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    for (const seg of file.segments) {
      const privates: RegExpExecArray[] = [];
      PRIVATE.lastIndex = 0;
      let p: RegExpExecArray | null;
      while ((p = PRIVATE.exec(seg.text)) !== null) privates.push(p);
      let i = 0;
      HEADER.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = HEADER.exec(seg.text)) !== null) {
        const headerEnd = m.index + m[0].length;
        while (i < privates.length && privates[i]!.index < headerEnd) i++;
        const priv = privates[i];
        if (!priv || priv.index - headerEnd > MAX_GAP) continue;
        const want = Number(priv.groups!.lines);
        const lines = priv.groups!.body!.split(/\r?\n/).filter(Boolean).slice(0, want);
        const base64 = lines.join('');
        if (lines.length < Math.min(want, 1) || !isPlausibleKeyBody(base64.replace(/=+$/, ''), 40)) continue;
        const encrypted = m.groups!.enc!.toLowerCase() !== 'none';
        const start = seg.offset + m.index;
        out.push({
          start,
          end: seg.offset + priv.index + priv[0].length,
          secret: base64,
          message: encrypted
            ? `Passphrase-protected PuTTY ${m.groups!.alg} key committed: replace it and stop trusting its public key.`
            : `Unencrypted PuTTY ${m.groups!.alg} private key committed to the repository.`,
          ...(encrypted ? { severity: 'medium' as const } : {}),
        });
      }
    }
    return out;
  },
};

export default rule;
