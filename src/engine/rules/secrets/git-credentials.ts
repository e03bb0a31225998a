import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isPlaceholderPassword, isTemplated } from './lib/credential-values.js';
import { isGitCredentials } from './lib/file-names.js';

// One URL per line, as git's `store` credential helper writes them.
const ENTRY = /^[ \t]*(?<scheme>https?|git|ssh):\/\/(?<user>[^:@\s/]{1,256})(?::(?<pass>[^@\s]{1,1024}))?@(?<host>[^\s/@]{1,253})/gm;

/** A `.git-credentials` file (git credential-store): every line is a host login with its password or token. */
const rule: Rule = {
  meta: {
    id: 'secrets/git-credentials',
    family: 'secrets',
    severity: 'critical',
    confidence: 'high',
    description: 'Git credential-store file (.git-credentials) with passwords or tokens',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The Git host of each line (GitHub, GitLab, Bitbucket, Azure DevOps …)',
      url: 'https://git-scm.com/docs/git-credential-store',
      steps: [
        'Revoke each token (GitHub/GitLab PAT, Bitbucket app password, Azure DevOps PAT) or change the password, for every line of the file.',
        "Review the hosts' audit logs for clones and pushes with those credentials since the commit.",
        'Delete the file from the repository, add it to .gitignore, and use an OS keychain credential helper instead of `store`.',
      ],
    },
  },
  // No keyword: the file name decides, and `@` occurs in most other files (a wasted hit each).
  keywords: [],
  scope: 'line',
  appliesTo: isGitCredentials,
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    for (const seg of file.segments) {
      ENTRY.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = ENTRY.exec(seg.text)) !== null) {
        const { user = '', pass, host = '' } = m.groups!;
        // Without a password the user part is the token (`https://<token>@github.com`).
        const secret = pass ?? user;
        if (pass !== undefined ? isPlaceholderPassword(pass, user) : user.length < 20 || isTemplated(user)) continue;
        const start = seg.offset + m.index + m[0].lastIndexOf(`${secret}@${host}`);
        out.push({ start, end: start + secret.length, secret, message: `Stored Git credential for ${host}.` });
      }
    }
    return out;
  },
};

export default rule;
