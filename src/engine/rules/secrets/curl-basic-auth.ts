import { demoLoginReason } from './lib/demo-login.js';
import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { shannonEntropy } from '../../entropy.js';
import { isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

const CURL = /\bcurl\b/g;
// `-u user:pass`, `--user 'user:pass'`, `--user=user:"pass"`; quoted and bare pieces may alternate.
const USER_FLAG = /(?:^|\s)(?:-u|--user)(?:=|[ \t]{0,5})(?<cred>(?:"[^"\r\n]{0,256}"|'[^'\r\n]{0,256}'|[^\s"'\\]){1,300})/g;
const MAX_LINES = 12;
// A file with more credentialled curl calls than this is a dump: report the first ones, stay linear.
const MAX_FINDINGS = 100;

/** The command starting at `at`: the rest of its line plus `\`-continued lines. */
function commandExtent(text: string, at: number): number {
  let end = at;
  for (let i = 0; i < MAX_LINES; i++) {
    const nl = text.indexOf('\n', end);
    if (nl === -1) return text.length;
    const line = text.slice(end, nl).replace(/\r$/, '');
    if (!/\\\s*$/.test(line)) return nl;
    end = nl + 1;
  }
  return end;
}

/**
 * `curl -u user:password` / `--user` with a literal password, on the curl line or a `\`-continued one.
 * Placeholders (`user:pass`, `<user:password>`, `$USER:$PASS`, `[PASSWORD]`, `${{ secrets.X }}`) are
 * skipped. An API key used as the user with an empty password (`-u sk_live_…:`) is reported too.
 */
const CONSTANT = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

const rule: Rule = {
  meta: {
    id: 'secrets/curl-basic-auth',
    family: 'secrets',
    severity: 'high',
    confidence: 'medium',
    description: 'Literal user:password passed to curl with -u / --user',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The service the curl command calls (the URL in the command)',
      steps: [
        'Change the password, or revoke the API key used as the user name, at that service.',
        "Review the service's access log for the account since the commit.",
        'Pass credentials with `-u "$USER:$PASS"` from the environment, or with `--netrc-file` outside the repository.',
      ],
    },
  },
  keywords: ['curl'],
  scope: 'file',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    for (const seg of file.segments) {
      CURL.lastIndex = 0;
      let c: RegExpExecArray | null;
      while ((c = CURL.exec(seg.text)) !== null) {
        const end = commandExtent(seg.text, c.index);
        // The curl command only: `-u` after `&&`, `;`, a pipe or in `$(…)` is another program's flag (`date -u`).
        let cmd = seg.text.slice(c.index, end);
        const next = cmd.search(/\s(?:&&|\|\||\||;)\s|;\s*$|\$\(|`/);
        if (next > 0) cmd = cmd.slice(0, next);
        USER_FLAG.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = USER_FLAG.exec(cmd)) !== null) {
          const rawCred = m.groups!.cred!;
          const cred = rawCred.replace(/["']/g, '');
          const i = cred.indexOf(':');
          if (i < 0) continue;
          const user = cred.slice(0, i);
          const pass = cred.slice(i + 1);
          // `curl -u 'http://host/path'` (a URL given where the user goes, in docs): no credential.
          if (/^[a-z][a-z0-9+.-]*$/i.test(user) && pass.startsWith('//')) continue;
          let secret: string;
          if (pass) {
            if (isPlaceholderPassword(pass, user) || /^\$|\$\{|\$\(/.test(pass)) continue;
            // `-u elastic:<your current elastic password>`: an angle-bracketed stand-in, cut at its first blank.
            if (/^<[A-Za-z_ -]*>?$/.test(pass)) continue;
            // `-u DOMAIN_ADMIN_UNAME:DOMAIN_ADMIN_PW`: two constants' names that a script substitutes (sed, envsubst).
            if (CONSTANT.test(user) && CONSTANT.test(pass)) continue;
            // Blanks only inside one quoted argument (`-u 'ops:pass word'`); pieces of code around a
            // `'curl -u'` label (`'curl -u', path: 'deploy.sh'`) are no credential.
            if (/\s/.test(pass) && !/^(["'])[^"']*\1$/.test(rawCred)) continue;
            secret = pass;
          } else {
            // `-u key:` — the user is the credential, if it looks like a key: not a name (`argo-cd-cli:`).
            if (user.length < 8 || isTemplated(user) || shannonEntropy(user) < 3 || (/^[A-Za-z]+(?:[-_.][A-Za-z]+)*$/.test(user) && user.length < 24)) continue;
            secret = user;
          }
          if (shannonEntropy(secret) < 2) continue;
          const off = m.index + m[0].length - rawCred.length + rawCred.indexOf(secret);
          const start = seg.offset + c.index + off;
          if (seen.has(start)) continue;
          seen.add(start);
          if (out.length >= MAX_FINDINGS) return out;
          const demo = pass ? demoLoginReason(pass, cmd) : undefined;
          out.push({
            start,
            end: start + secret.length,
            secret,
            ...(demo ? { confidence: 'low' as const } : {}),
            message: demo
              ? `curl command with a literal credential in -u/--user, of a demo login (${demo}): check that no real account uses it.`
              : 'curl command with a literal credential in -u/--user.',
          });
        }
        CURL.lastIndex = Math.max(CURL.lastIndex, end);
      }
    }
    return out;
  },
};

export default rule;
