/** `scheme://user:password@host` — shared by the connection-string, basic-auth-URL and git-credentials rules. */
import { isPlaceholderPassword, isSamplePassword, namesItself } from './credential-values.js';

/**
 * The userinfo of a URL. The password may itself contain `@` (people do not percent-encode), so it is
 * matched lazily up to the last `@` that is followed by a plausible host.
 */
export const USERINFO = String.raw`(?<user>[^:@/\s"'<>\x60{}|\\^]{0,128}):(?<pass>[^\s"'<>\x60]{1,256}?)@(?<host>[A-Za-z0-9_%\[][\w.%\[\]:-]{0,253})(?![\w.%@\[-])`;

/** Hosts where a credential is a local default (a dev database, a container) rather than a live one. */
export function isLocalHost(host: string): boolean {
  // The port may be a number or an expression of a script or template (`:${start_port}`, `:$((p + 1))`, `:{{ port }}`),
  // where the match may end at the colon.
  const h = host
    .toLowerCase()
    .replace(/^\[([^\]]*)\](?::.*)?$/, '$1')
    .replace(/^([^:]*):(?:\d*|\$.*|\{\{.*)$/, '$1');
  return (
    /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|::1|host\.docker\.internal|db|database|postgres|mysql|mariadb|mongo|mongodb|redis|rabbitmq|broker|mq)$/.test(h) ||
    /\.(?:local|localhost|test|internal|example|invalid)$/.test(h) ||
    /(?:^|\.)example\.(?:com|org|net)$/.test(h) ||
    // Documentation address ranges (RFC 3849, RFC 5737).
    /^(?:2001:db8:|192\.0\.2\.|198\.51\.100\.|203\.0\.113\.)/.test(h) ||
    // A host a test or a template fills in (curl's `%HOSTIP`, `${HOST}`, `{{ host }}`).
    /^(?:%[a-z0-9_]+%?|\$\{?[a-z_]|\{\{)/.test(h)
  );
}

export function percentDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** True when a URL's password is a real-looking literal (not a placeholder, template or the user name again). */
export function isRealUrlPassword(pass: string, user: string): boolean {
  const p = percentDecode(pass);
  // In a URL the context is strong: `secret123@` is kept (at low confidence, see isSampleUrlPassword).
  if (isPlaceholderPassword(p, percentDecode(user), false)) return false;
  // `https://USERNAME:PERSONAL_ACCESS_TOKEN@github.com`: a constant's name that says what goes there.
  if (/^[A-Z]+(?:_[A-Z]+)*$/.test(p) && namesItself(p)) return false;
  // `host:8080@…` is a host and port followed by something else, not a password; so is a port followed by
  // backslashes (a parser's test of `https://google.com:80\\@yahoo.com/`, the confused-authority attack).
  if (/^\d{1,5}(?:\\+)?$/.test(p) && (user.includes('.') || user === '')) return false;
  // Anonymous FTP (RFC 1635): the "password" is an e-mail address by convention, and no secret.
  if (/^(?:anonymous|ftp)$/i.test(percentDecode(user))) return false;
  // A pattern in the password's place (`postgresql://user:[^@]+@host`, `:[*]{8}@`): a test's regular expression.
  if (/^\[\^?[^\]]{1,8}\][+*{]|\\[Sdw][+*]|^\.[+*]$/.test(p)) return false;
  // A URL parser's escaping test (`c%0D%0A%0C%09%20d`, `%3D%5B%5D%3A%3B%22~%7C%3F%23%40`): the password decodes
  // to control characters, or to punctuation with hardly a letter or digit. A chosen password may hold a few
  // symbols; a typed one holds no line breaks.
  // eslint-disable-next-line no-control-regex -- control characters are what tells a parser's test data
  if (p !== pass && (/[\x00-\x1f\x7f]/.test(p) || p.replace(/[^A-Za-z0-9]/g, '').length * 3 < p.length)) return false;
  return true;
}

/** Kept but doubtful: lower-case words (`cherry:durian@`), a self-describing value (`secret123`) or sample words (`pa$$w0rd`). */
export function isSampleUrlPassword(pass: string): boolean {
  const p = percentDecode(pass);
  // Lower-case letters alone, up to a phrase (`itworkslocally`, `moneyprintergobrrr`): chosen, not generated.
  if (/^[a-z]{1,24}$/.test(p) || namesItself(p) || isSamplePassword(p)) return true;
  // Five characters or fewer once decoded (`p%2Fss`, `1234`): a parser test's or a demo's, too short to guard anything.
  if (p.length <= 5) return true;
  // Lower-case words joined by `_` or `-` (`query_secret`, `my-db-pass`): a test's or a guide's label.
  if (/^[a-z]{2,12}(?:[_-][a-z]{2,12}){1,3}$/.test(p)) return true;
  // A parser test's or a guide's sample dressed with the characters it tests (`p@ss`, `pa:ss`, `sec%00ret`,
  // `pass/word`), and Oracle's demo schema password (`scott:tiger`, `tiger^5HHH`) in every SQLAlchemy guide.
  const letters = p
    .replace(/@/g, 'a')
    .replace(/\$/g, 's')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
  return /^tiger/.test(letters) || (letters.length >= 4 && letters !== p.toLowerCase() && isPlaceholderPassword(letters));
}
