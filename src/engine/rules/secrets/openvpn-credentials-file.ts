import type { FileView, RawFinding, RepoView, Rule, RuleContext } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isNonSecretDatum, isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1).toLowerCase();
const dir = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/** A folder of OpenVPN's (openvpn/, vpn/, ovpn/, /etc/openvpn/client …), or a file named for a VPN. */
const VPN_DIR = /(?:^|\/)[^/]*(?:openvpn|ovpn|vpn)[^/]*\//i;
const VPN_NAME = /vpn/i;
/** The names people give the file `auth-user-pass` reads (the OpenVPN manual's own: auth.txt). */
const CREDENTIAL_NAME =
  /^(?:auth|pass|passwd|password|passwords|pwd|login|logins|credentials?|creds?|userpass|user[-_]?pass|up|auth[-_]?user[-_]?pass|account|secret|secrets)(?:\.(?:txt|conf|cfg|auth|pass|creds?|login))?$/;
const CREDENTIAL_EXT = /\.(?:auth|creds?|pass|pwd|login|up)$/;
/** What OpenVPN profiles are called. */
const PROFILE = /\.(?:ovpn|conf|cfg)$/i;
/**
 * The profiles whose `auth-user-pass FILE` is looked for: every .ovpn, and a .conf or .cfg only in an
 * OpenVPN folder or named for a VPN (how the Linux service keeps them), so that a repository's other
 * configuration files are neither kept for the end of the scan nor read from the caller's view.
 */
const isProfile = (path: string): boolean => /\.ovpn$/i.test(path) || (PROFILE.test(path) && (VPN_DIR.test(path) || VPN_NAME.test(base(path))));

/**
 * Files this rule reads: the usual names of a credentials file anywhere (a profile must then name it),
 * and text files in an OpenVPN folder or named for a VPN. Narrow on purpose: every file that passes
 * waits, with its text, for the end of the scan, when the profiles are known.
 */
export function mayBeCredentialsFile(path: string): boolean {
  const b = base(path);
  if (PROFILE.test(b) && !/^(?:auth|pass|passwd|login|credentials?|creds?|userpass|up)\.(?:conf|cfg)$/.test(b)) return false;
  if (CREDENTIAL_NAME.test(b) || CREDENTIAL_EXT.test(b)) return true;
  const plain = !b.includes('.') || /\.(?:txt|conf|cfg)$/.test(b);
  return plain && (VPN_NAME.test(b) || VPN_DIR.test(path));
}

/** The `auth-user-pass FILE` arguments of a profile (not commented out), as written. */
export function authUserPassFiles(profile: string): string[] {
  const out: string[] = [];
  const re = /^[ \t]*auth-user-pass[ \t]+(?:"([^"\r\n]+)"|'([^'\r\n]+)'|([^\s#;]+))/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(profile)) !== null) out.push((m[1] ?? m[2] ?? m[3]!).replace(/\\/g, '/'));
  return out;
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/**
 * Whether `arg` (the profile's `auth-user-pass` argument) names `path`: relative to the profile's folder
 * (where OpenVPN runs with `--cd`, or the service's working folder) or to the repository's root; an
 * absolute path (/etc/openvpn/client/auth.txt, C:\…) names the file the repository ships under that name.
 */
export function names(arg: string, profilePath: string, path: string): boolean {
  const target = normalise(path);
  if (/^(?:\/|~|[A-Za-z]:\/|\$)/.test(arg)) return base(arg) === base(target) && base(arg) !== '';
  return normalise(dir(profilePath) + arg) === target || normalise(arg) === target;
}

/** The profile of the scan that reads `path` as its credentials file, if any. */
function referencedBy(path: string, repo: RepoView | undefined): string | undefined {
  if (!repo) return undefined;
  for (const p of repo.paths()) {
    if (p === path || !isProfile(p)) continue;
    const text = repo.read(p);
    if (!text?.includes('auth-user-pass')) continue;
    if (authUserPassFiles(text).some((arg) => names(arg, p, path))) return p;
  }
  return undefined;
}

/** The user and password of a two-line credentials file, with the password's offset; else undefined. */
export function twoLines(text: string): { user: string; password: string; at: number } | undefined {
  if (text.length > 1024) return undefined;
  const m = /^(\ufeff?)[ \t]*([^\s#;[{=<]\S{0,127})[ \t]*\r?\n[ \t]*(\S{1,256})[ \t]*(?:\r?\n[ \t]*)*$/.exec(text);
  if (!m) return undefined;
  const user = m[2]!;
  const password = m[3]!;
  // `key=value` and `key: value` lines are some other configuration.
  if (/[=]|:$/.test(user) || /^[#;]/.test(password)) return undefined;
  return { user, password, at: text.indexOf(password, m[1]!.length + user.length) };
}

const isRealPassword = (p: string, user: string): boolean => p.length >= 4 && !isTemplated(p) && !isNonSecretDatum(p) && !isPlaceholderPassword(p, user);

/**
 * An OpenVPN credentials file: what `auth-user-pass FILE` reads, the user name on the first line and the
 * password on the second, nothing else. A two-line file says nothing by itself (auth.txt is a common
 * name), so it is reported when a profile of the scan (an .ovpn, or a .conf in an OpenVPN folder) names
 * it (`auth-user-pass auth.txt`, relative to the profile or the root, or by its name under an absolute
 * path) — high confidence — or, with no
 * profile naming it, when it lies in an OpenVPN folder or is named for a VPN (medium). A bare auth.txt
 * elsewhere, unnamed by any profile, is not reported.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/openvpn-credentials-file',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'OpenVPN credentials file (auth-user-pass FILE: user name, then password)',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The VPN service or OpenVPN server (its user database, LDAP/RADIUS, or the VPN provider’s account)',
      url: 'https://openvpn.net/community-resources/reference-manual-for-openvpn-2-6/',
      steps: [
        'Change the VPN account’s password (at the VPN provider, or in the directory the server authenticates against).',
        'Remove the credentials file from the repository and its history; mount it at run time (a Docker or Kubernetes secret) and keep `auth-user-pass` pointing at the mounted path.',
        'Review the VPN server’s connection log for that user since the commit.',
      ],
    },
  },
  // Decided by the file's name and shape (two lines, no syntax): no keyword to look for.
  keywords: [],
  scope: 'file',
  appliesTo: mayBeCredentialsFile,
  // The profiles, to know which file their `auth-user-pass` reads.
  context: (path, text) => isProfile(path) && text.includes('auth-user-pass'),
  check(file: FileView, ctx: RuleContext): RawFinding[] {
    const found = twoLines(file.text);
    if (!found || !isRealPassword(found.password, found.user)) return [];
    const profile = referencedBy(file.path, ctx.repo);
    const vpnPlace = VPN_DIR.test(file.path) || VPN_NAME.test(base(file.path));
    if (!profile && !vpnPlace) return [];
    return [
      {
        start: found.at,
        end: found.at + found.password.length,
        secret: found.password,
        message: profile
          ? `OpenVPN password committed in the credentials file ${profile} reads (auth-user-pass): whoever has the repository connects to the VPN as that user.`
          : 'OpenVPN-style credentials file committed (a user name, then a password, in a VPN folder): it likely logs in to the VPN; no profile in the scan names it.',
        ...(profile ? {} : { confidence: 'medium' as const }),
      },
    ];
  },
};

export default rule;
