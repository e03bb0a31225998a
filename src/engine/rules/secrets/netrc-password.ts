import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isPlaceholderPassword } from './lib/credential-values.js';
import { isNetrc } from './lib/file-names.js';
import { isLocalHost, isSampleUrlPassword } from './lib/url-credentials.js';

// In a netrc file tokens may span lines; elsewhere (a Dockerfile `echo … > ~/.netrc`) demand the whole entry.
const IN_NETRC = /(?:^|\s)password\s+(?<secret>[^\s"'`]{1,512})/g;
const INLINE = /\bmachine[ \t]+(?<host>[\w-]+(?:\.[\w-]+)+|localhost)[ \t]+login[ \t]+[^\s"'`]{1,256}[ \t]+password[ \t]+(?<secret>[^\s"'`]{1,512})/g;

/** A password in `.netrc` / `_netrc` (curl, git, ftp, pip, Heroku CLI) or an inline `machine … password …` entry. */
const rule: Rule = {
  meta: {
    id: 'secrets/netrc-password',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'Password or token in a .netrc entry',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The host named by the `machine` entry',
      steps: [
        'Change the password or revoke the token for the login on that host (for api.heroku.com / github.com: the API key or PAT).',
        "Review that host's access log for the account since the commit.",
        'Generate the netrc at run time from CI secrets into the home directory; never commit it.',
      ],
    },
  },
  keywords: ['password'],
  scope: 'file',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const re = isNetrc(file.path) ? IN_NETRC : INLINE;
    for (const seg of file.segments) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(seg.text)) !== null) {
        const secret = m.groups!.secret!;
        if (isPlaceholderPassword(secret) || /^\$/.test(secret)) continue;
        const start = seg.offset + m.index + m[0].length - secret.length;
        // On a local or documentation host (`machine example.com login bob password …` in a test), or a short
        // word: a sample more often than a login, kept at low confidence.
        const host = m.groups!.host;
        const sample = (host !== undefined && isLocalHost(host)) || isSampleUrlPassword(secret);
        out.push({ start, end: start + secret.length, secret, message: 'netrc password committed to the repository.', ...(sample ? { confidence: 'low' as const, severity: 'medium' as const } : {}) });
      }
    }
    return out;
  },
};

export default rule;
