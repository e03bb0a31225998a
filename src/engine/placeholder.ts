/**
 * Placeholder and example detection: the first thing users of every peer complain about is a scanner
 * that flags `your_api_key`, `${TOKEN}` or a vendor's documented example key.
 */
import { longestTrivialRun } from './entropy.js';

/**
 * Values vendors publish in their docs; reporting them is pure noise. (Split so that naive
 * credential greps, ours included, do not stop at this file.)
 */
// Also the one-time-password secret of Google Authenticator's key-URI format page (`otpauth://totp/…?secret=JBSW…`),
// and MinIO's two published pairs: the public playground's (`play.min.io`, in every MinIO SDK's examples)
// and the docs' sample server's (what `minio server` printed in its quick-start guides, copied by rclone's
// and many projects' docs and test scripts).
const DOCUMENTED_EXAMPLES = new Set([
  'AKIA' + 'IOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'ASIAIOSFODNN7EXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'JBSWY3' + 'DPEHPK3PXP',
  'Q3AM3UQ867' + 'SPQQA43P2F',
  'zuf+tfteSlswRu7BJ86w' + 'ekitnifILbZam1KYY3TG',
  'USWUXHGYZQ' + 'YFYFFIT3RE',
  'MOJRH0mkL1IPauahWITS' + 'VvyDrQbEEIwljvmxdq03',
  // The OAuth 2.0 RFCs' examples, copied into every OAuth library's docs and tests: RFC 6749's access,
  // refresh and client credentials, authorization code and password-grant password, RFC 6750's bearer
  // token, and RFC 7617's Basic credentials (Aladdin:open sesame).
  '2YotnFZFEjr1' + 'zCsicMWpAA',
  'tGzv3JOkF0XG' + '5Qx2TlKWIA',
  '7Fjfp0ZBr1Kt' + 'DRbnfVdmIw',
  'SplxlOBeZQQY' + 'bYS6WxSbIA',
  'czZCaGRSa3F0' + 'MzpnWDFmQmF0M2JW',
  'A3ddj' + '3w',
  'mF_9.B5f' + '-4.1JqM',
  'QWxhZGRpbjpv' + 'cGVuIHNlc2FtZQ==',
  // RFC 7009's revoked token; RFC 5849's (OAuth 1.0) consumer secret, temporary and token credentials.
  '45ghiukldj' + 'ahdnhzdauz',
  'kd94hf93k4' + '23kf44',
  'hh5s93j4hd' + 'idpola',
  'hdhd0244k9' + 'j7ao03',
  'nnch734d00' + 'sl2jdk',
  'pfkkdhi9sl' + '3r4s00',
  // The signature of the service SAS example in Azure Storage's documentation (`sv=2012-02-12…se=2009-02-10`).
  'dD80ihBh5jfNpymO5Hg1IdiJIEvHcJpCMiCMnN' + '/RnbI=',
  // Slack's documentation of request signing: its signing secret and the legacy verification token.
  '8f742231b10e' + '8888abcd99yyyzzz85a5',
  'xyzz0WbapA4v' + 'BCDEFasx0q6G',
  // The Telegram Bot API's documented token (core.telegram.org/bots/api, "Authorizing your bot").
  '123456:ABC-DEF1234gh' + 'Ikl-zyx57W2v1u123ew11',
]);

// Words that, inside a value, mark it as an illustration rather than a credential.
const PLACEHOLDER_WORDS =
  /example|sample|placeholder|dummy|redacted|\bmasked\b|changeme|change[_-]?me|replace[_-]?(?:me|with)|your[_-]?(?:api|secret|access|own|token|key|pass|client|app|auth)|\byour[_-][a-z]{3,}|insert[_-]?(?:your|here)|put[_-]?your|fill[_-]?me|<[^>]*>|\bnull\b|\bnone\b|\bundefined\b|\btodo\b|\bfixme\b|fake|notreal|not[_-]?a[_-]?real|invalid[_-]?(?:api[_-]?)?(?:key|token|secret|password|credential)|do[_-]?not[_-]?(?:use|expose|commit|share|leak)|deadbeef|cafebabe|\*{3,}|x{5,}|X{5,}|\.{3,}|\u2026|^#{2,}[A-Z_]+#{2,}$/i;

/**
 * True when a candidate secret is evidently not a real one. `strict` is for provider rules whose
 * format is already distinctive: only strong markers count there, so `sk_test_…` style keys still fire.
 */
/** Edited copies of the AWS documentation keys (`…/K7MDENG/bPxRfiCYSECRETSKEY`) are examples too. */
const DOCUMENTED_PREFIXES = ['AKIAIOSFODNN7', 'wJalrXUtnFEMI/K7MDENG', 'je7MtGbClwBF/2Zp9Utk'];

export function isPlaceholder(value: string, strict = false): boolean {
  if (DOCUMENTED_EXAMPLES.has(value) || DOCUMENTED_PREFIXES.some((p) => value.startsWith(p))) return true;
  if (/example/i.test(value)) return true;
  if (/x{6,}|X{6,}|\*{4,}|0{10,}/.test(value)) return true;
  const body = value.replace(/^[A-Za-z]{2,10}[_-]/, '');
  if (body.length >= 8 && longestTrivialRun(body) >= Math.max(6, Math.floor(body.length / 2))) return true;
  if (strict) return false;
  if (sequencePieces(value)) return true;
  return PLACEHOLDER_WORDS.test(value) || hasTemplate(value);
}

/** Template openers (longest first) and what closes each. */
const TEMPLATE_OPEN = /\$\{\{|\$\{|\{\{|\$\(|#\{|\{%|\[\[/g;
const TEMPLATE_CLOSE: Readonly<Record<string, string>> = { '${{': '}}', '${': '}', '{{': '}}', '$(': ')', '#{': '}', '{%': '%}', '[[': ']]' };
const BRACKET_CLOSE: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * A template expression in the value: an opener (`${`, `{{`, `$(`, `#{`, `{%`, `[[`) whose expression
 * closes with its brackets balanced (`${cfg[key]}`, `{{ .Values.pw | quote }}`) or runs to the end of
 * the value (cut there), or an ERB tag or a Python `%(name)s` field. An opener followed by a bracket
 * that closes nothing (`m{{h}o)p${e]nob(ody[…}}`) is punctuation in a password, not a template.
 */
export function hasTemplate(v: string): boolean {
  if (v.includes('<%') || /%\(\w*\)/.test(v)) return true;
  // A whole value that is one Python format field with a subscript, conversion or format spec (an f-string's
  // `{CONFIG['sasl.password']}`, `{password!r}`); a bare `{name}` is judged by isTemplated (`{ZqL5kVrX1n8tA2}`
  // is a password in braces).
  if (/^\{[A-Za-z_][\w.]*(?:(?:\[[^\]{}]{1,80}\])+(?:![rsa])?(?::[^{}]{0,20})?|![rsa](?::[^{}]{0,20})?|:[^{}]{1,20})\}$/.test(v)) return true;
  if (!/[{([]/.test(v)) return false;
  for (const m of v.matchAll(TEMPLATE_OPEN)) if (closesBalanced(v, m.index + m[0].length, TEMPLATE_CLOSE[m[0]]!)) return true;
  return false;
}

function closesBalanced(v: string, from: number, close: string): boolean {
  const open: string[] = [];
  for (let i = from; i < v.length; i++) {
    if (open.length === 0 && v.startsWith(close, i)) return true;
    const c = v[i]!;
    const closer = BRACKET_CLOSE[c];
    if (closer) open.push(closer);
    else if ((c === ')' || c === ']' || c === '}') && open.pop() !== c) return false;
  }
  // The value ends inside the expression: a rule cut it at a quote (`${npmToken('ci')}` → `${npmToken(`).
  return true;
}

/** Template or variable references: the value is looked up elsewhere, so nothing is committed. */
export function isReference(value: string): boolean {
  return (
    // $VAR / ${VAR}: a shell-style name (all one case), so a password like `$YYbMDot25P` is not one; with an
    // empty default after `:` (`"$PRODUCTION_WEBHOOK_SECRET:"`), a reference all the same.
    /^\$\{[A-Za-z_][\w.]*\}$|^\$(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*):?$/.test(value) ||
    /^\$\{\{.*\}\}$/.test(value) || // ${{ secrets.X }}
    /^\{\{.*\}\}$/.test(value) || // {{ .Values.x }}
    /^%[A-Za-z_]+%$/.test(value) || // %VAR%
    /^<%=.*%>$/.test(value) ||
    /^#\{.*\}$/.test(value) ||
    /^(?:process\.env|os\.environ|env|ENV|System\.getenv|getenv|secrets|vault)[.[(]/.test(value) ||
    // A secret store's address: Traefik's `urn:k8s:secret:…`, 1Password `op://`, Azure Key Vault, AWS
    // Secrets Manager / SSM ARNs, GCP Secret Manager resource names.
    /^(?:urn:k8s:secret:|op:\/\/|@Microsoft\.KeyVault\(|arn:aws[\w-]*:(?:secretsmanager|ssm):|projects\/[\w-]+\/secrets\/[\w-]+)/.test(value)
  );
}

/**
 * How far a provider-prefixed candidate is from a real token, judged on its body (the prefix, such as
 * `sk_live_`, `glpat-` or `github_pat_`, removed): `drop` for evident placeholders (an alphabet or digit
 * run, a repeated character or unit, `xxxx`/`XXXX`/`****` masks, in any case), `low` for values that are
 * mostly such runs but keep some randomness, `undefined` for values that look random. Random tokens of
 * 8+ characters essentially never reach these bars (see test/engine/placeholder.test.ts).
 */
export function placeholderGrade(value: string): 'drop' | 'low' | undefined {
  if (isPlaceholder(value, true)) return 'drop';
  const body = stripPrefixes(value);
  // Typed along the keyboard (`qwer1234asdf`, `asdasd`): a test's dummy as often as a person's weak password, so shown low.
  if (body.length < 8) return keyboardWalk(body) ? 'low' : undefined;
  const lower = body.toLowerCase();
  // `your_` before any word (`YOUR_WEBHOOK_URL`, `your-bot-token`): an instruction, never a generated key.
  if (
    /example|placeholder|dummy|redacted|filtered|scrubbed|sanitized|obfuscated|shortened|truncated|^sentinel[-_]|^(?:test|fake|mock)[_-](?:[a-z]+[_-])?(?:token|key|secret|password)|changeme|replaceme|replace[_-]me|replace[_/-]with|your[_-]?[a-z]{3,}|insert[_-]?your|not[_-]?a[_-]?real|fake[_-]?(?:key|token|secret)|invalid[_-]?(?:api[_-]?)?(?:key|token|secret)|do[_-]?not[_-]?(?:use|expose|commit|share|leak)/.test(
      value.toLowerCase(),
    )
  )
    return 'drop';
  // Masks in any case and mixed runs of mask characters (`xXxX`, `x*x*`, `####`).
  const mask = longestMatch(lower, /[x*#?.]{4,}/g);
  if (mask >= 6 || mask >= body.length / 3) return 'drop';
  const trivial = trivialFraction(lower);
  if (trivial >= 0.75 || periodic(lower)) return 'drop';
  // A prefix without a separator (`LTAI`, `AKIA`, `AIza`, `00D`): the run or repeat starts after it.
  for (let o = 1; o <= 5 && lower.length - o >= 10; o++) {
    const tail = lower.slice(o);
    if (trivialFraction(tail) >= 0.75 || periodic(tail)) return 'drop';
  }
  // …and runs typed in pieces (`app-abc123def456`, `xyz789abc`): a value made of steps of three or more.
  if ((trivial >= 0.5 && body.length >= 20 && /[a-z]/.test(lower)) || (mask >= 4 && body.length <= 100) || sequencePieces(value) || keyboardWalk(body) || sequenceCover(lower) >= 0.9) return 'low';
  // A UUID's layout with letters past `f` (`8f2k…-…`): typed to look like one, as a guide's example is.
  if (/^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/i.test(value) && /[g-z]/i.test(value)) return 'low';
  // A counted run inside (`xoxb-1234567890-1234567890123-…`, `…abcdefgh…`): documentation's ids.
  if (ascendingRun(lower) >= 8) return 'low';
  // After a provider's prefix, base64 of words (`sk_test_ZmhzZGtmbGhk…` is `fhsdkflhd…`, keyboard mash in a
  // docs page): a generated body decodes to bytes, never to text.
  if (body !== value && base64OfText(body)) return 'low';
  return undefined;
}

/** `s` is base64 (either alphabet) of at least 9 bytes of mostly letters: written, not generated. */
function base64OfText(s: string): boolean {
  if (s.length < 12 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) return false;
  const bytes = Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length < 9) return false;
  let letters = 0;
  let text = 0;
  for (const b of bytes) {
    if ((b >= 97 && b <= 122) || (b >= 65 && b <= 90)) letters++;
    if (b >= 32 && b < 127) text++;
  }
  return text >= bytes.length * 0.95 && letters >= bytes.length * 0.7;
}

/** The longest run of characters that each follow the one before (`0` after `9` too: `1234567890`). */
function ascendingRun(s: string): number {
  let best = 1,
    run = 1;
  for (let i = 1; i < s.length; i++) {
    const a = s.charCodeAt(i - 1),
      b = s.charCodeAt(i);
    run = b === a + 1 || (a === 57 && b === 48) ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/**
 * Share of `s` in runs of three or more characters that step by one, up or down (`abc`, `123`, `987`, `890`):
 * `abc123def456` is all runs. A random value of ten characters or more is almost never above a half.
 */
export function sequenceCover(s: string): number {
  let covered = 0;
  let start = 0;
  let dir = 0;
  for (let i = 1; i <= s.length; i++) {
    const a = s.charCodeAt(i - 1);
    const b = i < s.length ? s.charCodeAt(i) : NaN;
    const step = b === a + 1 || (a === 57 && b === 48) ? 1 : b === a - 1 ? -1 : 0;
    if (step !== 0 && (dir === 0 || step === dir) && i - start >= 1) {
      dir = step;
      continue;
    }
    if (i - start >= 3 && dir !== 0) covered += i - start;
    start = i;
    dir = 0;
  }
  return s.length ? covered / s.length : 0;
}

/** `sk_live_abc` → `abc`; `github_pat_11A…` → `11A…`; up to three `word_`/`word-`/`word.` prefixes. */
function stripPrefixes(value: string): string {
  let body = value;
  for (let i = 0; i < 3; i++) {
    const m = /^[A-Za-z][A-Za-z0-9]{0,11}[_.-]/.exec(body);
    if (!m || body.length - m[0].length < 8) break;
    body = body.slice(m[0].length);
  }
  return body;
}

function longestMatch(s: string, re: RegExp): number {
  let best = 0;
  for (const m of s.matchAll(re)) best = Math.max(best, m[0].length);
  return best;
}

/**
 * Every piece of the value after a vendor prefix (`dof_v1_`) is an alphabet run and a digit run (`abc123:xyz789`,
 * `abcd-1234`): a stand-in typed by hand. Each piece has four characters or more, eight in all. Dropped where
 * only a name says what it is (the generic rules), low after a provider's prefix (a documented shape filled in).
 */
function sequencePieces(v: string): boolean {
  const pieces = v
    .replace(/^[A-Za-z]{2,10}[_-](?:v\d{1,2}[_-])?/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  if (!pieces.length || pieces.reduce((n, p) => n + p.length, 0) < 8) return false;
  return pieces.every((p) => p.length >= 4 && trivialFraction(p) >= 0.75);
}

/** Share of adjacent pairs that repeat or step by one (`aa`, `ab`, `ba`, `12`): alphabet and digit runs. */
function trivialFraction(s: string): number {
  if (s.length < 2) return 0;
  let n = 0;
  for (let i = 1; i < s.length; i++) if (Math.abs(s.charCodeAt(i) - s.charCodeAt(i - 1)) <= 1) n++;
  return n / (s.length - 1);
}

/**
 * A short unit repeated (`abc1abc1abc1…`, `deadbeefdeadbeef…`, `abc123abc12`): period 2–12, at least
 * three times, or 1.75 times for a unit of four or more characters (a random body repeats one that long
 * by chance about never); or words written exactly twice.
 */
function periodic(s: string): boolean {
  // Words written twice (`MyMinioSecretKey1234` twice over). A random half written twice stays: tests build fake
  // keys so (a 32-hex key doubled for an "invalid key" case), and a scanner's suite expects them found.
  const half = s.length / 2;
  if (s.length >= 16 && Number.isInteger(half) && s.slice(0, half) === s.slice(half) && /^(?:[A-Z]?[a-z]{2,}){2,}\d{0,6}$/.test(s.slice(0, half))) return true;
  for (let p = 2; p <= 12 && (p < 4 ? p * 3 : Math.ceil(p * 1.75)) <= s.length; p++) {
    let same = 0;
    for (let i = p; i < s.length; i++) if (s.charCodeAt(i) === s.charCodeAt(i - p)) same++;
    if (same / (s.length - p) >= 0.85) return true;
  }
  return false;
}

const KEY_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'yxcvbnm', 'azertyuiop', 'wxcvbn'];

/**
 * Typed along a keyboard's rows (`qwer1234asdfzxcv`, `asdfasdf99`, `1qaz2wsx` aside): runs of three or more
 * neighbouring keys, forwards or backwards, cover most of the value. A generated value has such a run by
 * chance now and then, never most of its length.
 */
export function keyboardWalk(value: string): boolean {
  const v = value.toLowerCase();
  if (v.length < 6 || v.length > 64) return false;
  let covered = 0;
  let i = 0;
  while (i < v.length) {
    let best = 1;
    for (const row of KEY_ROWS) {
      for (const dir of [1, -1]) {
        const at = row.indexOf(v[i]!);
        if (at < 0) continue;
        let n = 1;
        while (i + n < v.length && row[at + n * dir] === v[i + n]) n++;
        if (n > best) best = n;
      }
    }
    if (best >= 3) covered += best;
    i += best >= 3 ? best : 1;
  }
  return covered >= v.length * 0.7;
}
