import type { FileView, RawFinding, Rule } from '../../rule.js';
import { SECRET_CONTROLS } from './define.js';
import { isHtpasswd } from './lib/file-names.js';

// user:hash with Apache MD5 ($apr1$), bcrypt ($2y$), SHA-1 ({SHA}), SHA-crypt ($5$/$6$) or DES crypt.
const ENTRY =
  /^(?<user>[^:\s#]{1,128}):(?<hash>\$apr1\$[./0-9A-Za-z]{1,8}\$[./0-9A-Za-z]{22}|\$2[abxy]?\$\d{2}\$[./0-9A-Za-z]{53}|\{SHA\}[A-Za-z0-9+/]{27}=|\$[56]\$(?:rounds=\d{1,9}\$)?[./0-9A-Za-z]{1,16}\$[./0-9A-Za-z]{43,86}|[./0-9A-Za-z]{13})[ \t]*$/gm;

/**
 * Password hashes in an `.htpasswd` file. Decided: reported (medium severity) because these hashes —
 * MD5-crypt and SHA-1 in particular — are cheap to crack offline and the accounts usually guard admin or
 * staging areas. Only files named htpasswd are checked, so bcrypt hashes in seed data are not.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/htpasswd',
    family: 'secrets',
    severity: 'medium',
    confidence: 'high',
    description: 'Password hashes in an .htpasswd file',
    controls: SECRET_CONTROLS,
    remediation:
      'Treat the passwords as exposed: the hashes can be cracked offline. Change them, keep the htpasswd file out of the repository (generate it at deploy time from a secret store), and prefer bcrypt (`htpasswd -B`).',
    revoke: {
      provider: 'The web server (Apache / nginx) protected by the file',
      steps: [
        'Set new passwords for every user in the file with `htpasswd -B` on the server (or in the secret the deployment reads).',
        "Review the server's access logs for the protected paths since the commit.",
        'Remove the file from the repository and history; deploy it from a secret store.',
      ],
    },
  },
  keywords: [],
  scope: 'file',
  appliesTo: isHtpasswd,
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    for (const seg of file.segments) {
      ENTRY.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = ENTRY.exec(seg.text)) !== null) {
        const hash = m.groups!.hash!;
        const start = seg.offset + m.index + m.groups!.user!.length + 1;
        out.push({ start, end: start + hash.length, secret: hash, message: `Password hash for user ${m.groups!.user} committed in an htpasswd file.` });
      }
    }
    return out;
  },
};

export default rule;
