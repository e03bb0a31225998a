import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isPlaceholderPassword } from './lib/credential-values.js';
import { isPgpass } from './lib/file-names.js';

/**
 * libpq's password file (`~/.pgpass`, `%APPDATA%\postgresql\pgpass.conf`, `PGPASSFILE`): one
 * `hostname:port:database:username:password` per line, `*` a wildcard, `\:` and `\\` escapes, `#` a
 * comment (PostgreSQL documentation, "The Password File"). The password is the fifth field, the rest
 * of the line. Elsewhere (a Dockerfile or script writing the file) the line must be written to a
 * `.pgpass` on the same line.
 */
const FIELD = String.raw`(?:[^:\\\s]|\\.){1,255}`;
const ENTRY = new RegExp(String.raw`^[ \t]*(?!#)${FIELD}:(?:\d{1,5}|\*):${FIELD}:${FIELD}:(?<secret>(?:[^\\\r\n]|\\.){1,512}?)[ \t]*$`, 'dgm');
const INLINE = new RegExp(String.raw`["']?(?<entry>${FIELD}:(?:\d{1,5}|\*):${FIELD}:${FIELD}:(?<secret>(?:[^\\\s"':]|\\.){1,512}))["']?[ \t]*>{1,2}[ \t]*\S*\.?pgpass\b`, 'dg');

const rule: Rule = {
  meta: {
    id: 'secrets/pgpass-password',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'Password in a PostgreSQL .pgpass entry',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The PostgreSQL server named by the entry (host, port, database, user)',
      steps: [
        'Change the password of that database role (`ALTER ROLE … PASSWORD …`) on every server the entry matches.',
        "Review the server's connection log for the role since the commit.",
        'Write the password file at run time from a secret store (mode 0600), or use PGPASSWORD from a CI secret; never commit it.',
      ],
    },
  },
  keywords: [],
  scope: 'file',
  appliesTo: (path) => isPgpass(path) || /(?:^|\/)(?:Dockerfile[^/]*|[^/]*\.(?:sh|bash|ps1|ya?ml))$/i.test(path),
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const inFile = isPgpass(file.path);
    if (!inFile && !file.text.includes('pgpass')) return out;
    const re = inFile ? ENTRY : INLINE;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(file.text)) !== null) {
      const secret = m.groups!.secret!;
      if (secret === '*' || isPlaceholderPassword(secret.replace(/\\(.)/g, '$1')) || /^\$/.test(secret)) continue;
      const start = m.indices!.groups!.secret![0];
      out.push({ start, end: start + secret.length, secret, message: 'PostgreSQL password file entry committed to the repository.' });
    }
    return out;
  },
};

export default rule;
