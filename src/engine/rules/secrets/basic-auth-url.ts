import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isLocalHost, isRealUrlPassword, isSampleUrlPassword, USERINFO } from './lib/url-credentials.js';
import { shannonEntropy } from '../../entropy.js';
import { isTemplated } from './lib/credential-values.js';

const BASIC = new RegExp(`(?<![\\w+.-])(?<scheme>(?:git\\+)?https?|wss?|davs?|webdavs?):\\/\\/${USERINFO}`, 'gi');
// A token used as the user name on a git host: `https://<token>@github.com/org/repo.git`.
const TOKEN_USER =
  /(?<![\w+.-])(?:git\+)?https?:\/\/(?<token>[A-Za-z0-9_-]{20,255})@(?<host>(?:[\w-]+\.)*(?:github\.com|gitlab\.com|bitbucket\.org|visualstudio\.com|dev\.azure\.com|codeberg\.org|gitea\.com))(?![\w.-])/gi;

/**
 * HTTP(S) basic-auth credentials in a URL: `https://deploy:…@registry.example.org/`, git remotes with a
 * token as the password (`https://x-access-token:…@github.com`, `https://oauth2:…@gitlab.com`) or as the
 * user (`https://<token>@github.com`, `https://<token>:x-oauth-basic@github.com`).
 */
const rule: Rule = {
  meta: {
    id: 'secrets/basic-auth-url',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'Credentials embedded in an HTTP(S) URL (basic auth or a git token)',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: "The service at the URL's host",
      steps: [
        'Change the password of the user in the URL, or revoke the token (on GitHub/GitLab: the PAT, deploy token or OAuth grant it belongs to).',
        "Review the service's access log for that account since the commit.",
        'Configure the client with a credential helper, a netrc file outside the repository, or a CI secret instead of a URL with credentials.',
      ],
    },
  },
  keywords: ['http', 'ws://', 'wss://', 'dav'],
  scope: 'line',
  // .git-credentials has its own rule.
  appliesTo: (path) => !/(?:^|\/)\.?git-credentials$/.test(path),
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    for (const seg of file.segments) {
      BASIC.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = BASIC.exec(seg.text)) !== null) {
        const { user = '', pass = '', host = '' } = m.groups!;
        // An HTTP client ends the authority at the first `/`, `?` or `#`: `http://127.0.0.1:8080/api/router@file`
        // is a host, a port and a path with an `@` in it, and no password can hold one unencoded.
        const userAt = m.index + m[0].indexOf('//') + 2;
        let secret = pass;
        let start = userAt + user.length + 1;
        // GitHub's `<token>:x-oauth-basic@` puts the token in the user part.
        if (/^x-oauth-basic$/i.test(pass) && user.length >= 20 && !isTemplated(user)) {
          secret = user;
          start = userAt;
        } else if (/[/?#]/.test(pass) || !isRealUrlPassword(pass, user)) continue;
        // RFC 3986 keeps `[` and `]` for an IPv6 host: `http://[::1]:9003@evil.com` (a URL parser's test) is a
        // host and a port before an `@`, and no user or password holds one unencoded.
        if (/[[\]]/.test(user) || /[[\]]/.test(pass)) continue;
        // `http://INTERNAL:8888\@PUBLIC/`, `http://localhost:8080@evil.com` (a URL parser's or an SSRF test): a host and
        // its port before an `@`; a backslash is no character of userinfo, and a host's name is no user's.
        if (pass.includes('\\') || (/^\d{1,5}$/.test(pass) && (/\./.test(user) || /^localhost$/i.test(user) || /^[A-Z][A-Z0-9_-]*$/.test(user)))) continue;
        // A Sentry DSN (`https://<public key>:<secret key>@o1.ingest.sentry.io/42`): sentry-dsn-secret's, which knows it.
        if (/^[0-9a-f]{32}$/.test(user) && /^[0-9a-f]{32}$/.test(pass) && /^\/(?:[\w.-]{1,64}\/)?\d{1,20}(?![\w/])/.test(seg.text.slice(m.index + m[0].length))) continue;
        if (seen.has(seg.offset + start)) continue;
        seen.add(seg.offset + start);
        const local = isLocalHost(host) || isSampleUrlPassword(secret);
        out.push({
          start: seg.offset + start,
          end: seg.offset + start + secret.length,
          secret,
          message: `URL with embedded credentials for ${host.replace(/:\d+$/, '')}${local ? ' (local/example host or simple password: verify it is not a real one)' : ''}.`,
          ...(local ? { confidence: 'low' as const, severity: 'medium' as const } : {}),
        });
      }
      TOKEN_USER.lastIndex = 0;
      while ((m = TOKEN_USER.exec(seg.text)) !== null) {
        const token = m.groups!.token!;
        if (shannonEntropy(token) < 3.5 || isTemplated(token)) continue;
        const start = m.index + m[0].indexOf(token);
        if (seen.has(seg.offset + start)) continue;
        seen.add(seg.offset + start);
        out.push({
          start: seg.offset + start,
          end: seg.offset + start + token.length,
          secret: token,
          message: `Git remote URL carries an access token as its user name (${m.groups!.host}).`,
        });
      }
    }
    return out;
  },
};

export default rule;
