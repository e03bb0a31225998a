import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isPlaceholderPassword, isTemplated } from './lib/credential-values.js';
import { placeholderGrade } from '../../placeholder.js';
import { decodeBase64Text } from './lib/base64.js';
import { isNpmrc } from './lib/file-names.js';

// `//registry.example.com/path/:_authToken=…` — scoped to a registry, valid in any npmrc-like text; Yarn 1's
// `.yarnrc` writes the same key and its value apart, quoted or not (`"//registry/:_authToken" "…"`).
const SCOPED = /(?<![\w/])\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[^\s:#;'"]*)?\/:(?<key>_authToken|_auth|_password)["']?(?:[ \t]*=[ \t]*|[ \t]+)["']?(?<secret>[^\s"'#;]{4,1024})/g;
// Unscoped keys: only inside .npmrc / .yarnrc files.
const BARE = /^[ \t]*(?<key>_authToken|_auth|_password|always-auth-token)[ \t]*=[ \t]*["']?(?<secret>[^\s"'#;]{4,1024})/gm;
// Yarn Berry (.yarnrc.yml): `npmAuthToken: …`, `npmAuthIdent: …` (user:password). Read in YAML and in
// docs only: Yarn's own bundle (`.yarn/releases/yarn-*.cjs`) declares these settings in minified code
// (`npmAuthIdent:{description:…}`, `{npmAuthToken:e}`).
const YARN = /\b(?<key>npmAuthToken|npmAuthIdent)[ \t]*:[ \t]*["']?(?<secret>[^\s"'#{}()[\],;]{4,1024})(?![{}()[\],;])/g;
const YARN_TEXT = /(?:^|\/)\.yarnrc\.ya?ml$|\.(?:ya?ml|md|mdx|rst|txt)$/i;

/**
 * A value that is evidently a stand-in. Registry tokens vary (UUIDs, npm_…, JFrog, GitLab, Azure Artifacts), so
 * no entropy floor; but every registry issues tokens of 20 characters or more, never a constant's name or a
 * phrase (a parser's tests write `_authToken=AGNOSTIC`, `=A_TOKEN`, `=npmrc-fallback-token`). `_auth` and
 * `_password` are base64 of `user:password` and of a password: judged decoded (`dXNlcjpwYXNz` is `user:pass`).
 */
function isStandIn(v: string, key: string): boolean {
  // A format verb filled at run time (`printf '//registry.npmjs.org/:_authToken=%s\n' "$NPM_TOKEN"`, `{}`).
  if (/^(?:%[-+ #0-9.]*[sdvqi]|%\([\w.]+\)s|\{\d*\}|\{[A-Za-z_]\w*\})/.test(v)) return true;
  if (isTemplated(v) || /x{4,}|\*{3,}|\.{3,}|<|>|example|placeholder|changeme|your[_-]?(?:npm|auth|token)|^(?:npm[_-]?)?token$|^(.)\1+$|0{8,}/i.test(v)) return true;
  if (/token/i.test(key)) {
    return v.length < 20 || /^[A-Z][A-Z0-9_]*$/.test(v) || /^[a-z]+(?:-[a-z]+)+$/.test(v) || placeholderGrade(v) === 'drop' || (v.startsWith('npm_') && v.length !== 40);
  }
  if (key === '_auth' || key === '_password' || key === 'npmAuthIdent') {
    const text = key === 'npmAuthIdent' ? v : decodeBase64Text(v);
    if (text === undefined) return false;
    const colon = text.indexOf(':');
    return colon === -1 ? isPlaceholderPassword(text) : isPlaceholderPassword(text.slice(colon + 1), text.slice(0, colon));
  }
  return false;
}

/**
 * npm / Yarn registry credentials: `_authToken`, `_auth` (base64 user:pass) and `_password` in `.npmrc`
 * (scoped `//registry/:_authToken=` anywhere, unscoped only in npmrc files) and `npmAuthToken` /
 * `npmAuthIdent` in `.yarnrc.yml`. `${NPM_TOKEN}` references are the fix, not a finding.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/npmrc-auth',
    family: 'secrets',
    severity: 'critical',
    confidence: 'high',
    description: 'npm / Yarn registry auth token or password in an npmrc or yarnrc file',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The package registry (npmjs.com, GitHub Packages, Artifactory, Nexus, Azure Artifacts …)',
      url: 'https://docs.npmjs.com/revoking-access-tokens',
      steps: [
        'Revoke the token in the registry (npm: `npm token revoke <id>` or Access Tokens in account settings; GitHub Packages: the PAT; Artifactory/Nexus: the user token) or change the password.',
        'Check the registry for versions published with the token since the commit and deprecate or unpublish anything unexpected.',
        'Reference the token as `${NPM_TOKEN}` in the committed .npmrc and provide it from CI secrets; use a granular, read-only or automation token with an expiry.',
      ],
    },
  },
  keywords: ['_auth', '_password', 'npmauth', 'always-auth-token'],
  scope: 'line',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    const yarn = YARN_TEXT.test(file.path) || isNpmrc(file.path);
    const regexes = isNpmrc(file.path) ? [SCOPED, BARE, YARN] : yarn ? [SCOPED, YARN] : [SCOPED];
    for (const seg of file.segments) {
      for (const re of regexes) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(seg.text)) !== null) {
          // Up to an escaped line break: an npmrc written in a string of code (`"…:_authToken=abc\n//…"`).
          const secret = m.groups!.secret!.replace(/\\+[nrt].*$/, '');
          if (secret.length < 4 || isStandIn(secret, m.groups!.key!)) continue;
          const start = seg.offset + m.index + m[0].length - m.groups!.secret!.length;
          if (seen.has(start)) continue;
          seen.add(start);
          out.push({
            start,
            end: start + secret.length,
            secret,
            message: `Registry credential (\`${m.groups!.key}\`) committed in npm/Yarn configuration.`,
          });
        }
      }
    }
    return out;
  },
};

export default rule;
