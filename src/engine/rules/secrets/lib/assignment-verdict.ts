/**
 * The judgement behind the generic rules: given an assignment found in a line, is its value a literal
 * credential, and is it random enough to be a machine secret (`generic-secret`) or only a human-chosen
 * password (`generic-password`)?
 */
import { charClasses, longestTrivialRun, shannonEntropy } from '../../../entropy.js';
import { isPlaceholder } from '../../../placeholder.js';
import { decodeBase64Text, decodeJsonSegment } from './base64.js';
import { isJwtLookalike } from './jwt-shape.js';
import { isDocSearchKey, onAlgoliaSearchHost } from './docsearch.js';
import type { FileView, RawFinding } from '../../../rule.js';
import type { Assignment } from './assignments.js';
import {
  PLAIN_ASSIGN,
  findAssignments,
  findMultilineXml,
  findNameValuePair,
  findWrappedValue,
  findSecretMapChildren,
  findTerraformDefault,
  findYamlBlockScalar,
  isConfigLine,
  statementsFor,
  type StatementForm,
} from './assignments.js';
import {
  isGeneratedAlnum,
  isFakeSequence,
  isHexDigest,
  isNonSecretDatum,
  isPlaceholderPassword,
  isSaltedDigest,
  isGoogleAppPassword,
  isDigestSized,
  isSamplePassword,
  isTemplated,
  isUuid,
  isWordyPassword,
  isSeparatedPhrase,
  undoLeet,
  looksLikeIdentifier,
  isShortLabel,
  namesItself,
  spellsItsName,
} from './credential-values.js';
import { classifySecretName, isLooseKeyName, nameWords, VERB_FIRST } from './secret-names.js';
import { isLocalHost } from './url-credentials.js';
import type { SecretKind } from './secret-names.js';

export interface Verdict {
  kind: SecretKind;
  /** `entropy`: random enough for generic-secret; `password`: a human-chosen literal password. */
  tier: 'entropy' | 'password';
}

const HEX = /^[0-9a-f]+$/i;
const NON_ASCII = /[^\x20-\x7e]/;
const ONE_WORD = /^(?:\p{Ll}+|\p{Lu}\p{Ll}+|\p{Lu}+)[.,;:]?$/u;
// Also after an acronym with a digit (`E2EE-salasana`, Finnish for "E2EE password").
const HYPHENATED_WORDS = /^(?:\p{L}{2,}|\p{Lu}[\p{Lu}\d]{1,5}(?=-\p{Ll}{4,}))(?:-\p{L}{2,}){1,3}$/u;

/** Random enough to be a generated secret. */
export function isHighEntropy(value: string, kind: SecretKind): boolean {
  const len = value.length;
  // Generated keys are ASCII: letters of other scripts are text (a translated UI string in strings.xml).
  if (NON_ASCII.test(value)) return false;
  const h = shannonEntropy(value);
  const run = longestTrivialRun(value);
  if (run >= 8 || run >= Math.max(5, len / 3) || isFakeSequence(value)) return false;
  if (HEX.test(value)) return len >= 20 && h >= 3.3;
  if (kind === 'password') {
    // Machine-generated passwords only; `Winter2024!` is a human one (generic-password).
    if (len < 16 || h < 3.6 || (charClasses(value) < 3 && !isGeneratedAlnum(value))) return false;
  } else {
    if (len < 12 || h < (len < 16 ? 3.6 : 3.5)) return false;
    // Generated keys and tokens use base64/base64url/hex and a few separators. A handful of `%`, `^`,
    // `!`, `;` or `(` inside such a value marks a broken sample (or a query string); random keys drawn
    // from an alphabet with symbols (Django's SECRET_KEY uses `!@#$%^&*(-_=+)`) have many of them.
    const odd = value.replace(/[A-Za-z0-9+/=_\-.~:@$]/g, '').length;
    if (odd > 0 && (len < 40 || h < 4.3 || odd < len * 0.1 || /[?\\'"`]/.test(value)) && !isSymbolPassword(value, h) && !isBracketNoise(value, h)) return false;
  }
  // Letters only is a word or a name far more often than a key (gitleaks drops these too); with `/` it
  // is a path or a `namespace/name` reference (`foo/restricted-psp-users`).
  if (/^[A-Za-z_.\-/]+$/.test(value)) return (len >= 24 && h >= 4.2 && /[a-z]/.test(value) && /[A-Z]/.test(value)) || isMixedCaseLetters(value, h);
  if (isWordsAndNumbers(value)) return false;
  return true;
}

/**
 * A secret strewn with brackets that pair with nothing (`m{{h}o)p${e]nob(ody[…}}`): code, templates, format
 * strings and regular expressions close what they open, in order; such a value does not. Many kinds of
 * symbol, a quarter of the characters or more, and no space, quote, escape, URL or code operator.
 */
function isBracketNoise(v: string, h: number): boolean {
  if (v.length < 16 || v.length > 64 || h < 3.8 || /[\s'"`\\]|:\/\/|%[sd]/.test(v)) return false;
  // Minified code after a string (`+String(y))}if(3!=i.biff&&v>=0&&-1==[`): operators and keywords.
  if (/&&|\|\||[=!<>]=|=>|\b(?:if|for|while|return|function|new|var|let|const)\b/.test(v)) return false;
  const symbols = v.replace(/[A-Za-z0-9]/g, '');
  if (symbols.length * 4 < v.length || new Set(symbols).size < 6) return false;
  const open: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const c of v) {
    if (c === '(' || c === '[' || c === '{') open.push(c);
    else if (c in pairs && open.pop() !== pairs[c]) return true;
  }
  return open.length > 0;
}

/**
 * Letters only, 16 to 23 of them, upper and lower case drawn at random (`wjXKCFzOWEPRqhTmmbWtVQ`, a
 * ProxyCrawl token): both cases a quarter or more of the letters, the case changing every fourth letter
 * or oftener, no lower-case run of a word's length, and few vowels (a fifth of random letters are
 * vowels, two fifths of words', a third at most here): a camel-case name of short words (`getUserNameByIdAndKey`) is none.
 */
function isMixedCaseLetters(v: string, h: number): boolean {
  const len = v.length;
  if (len < 16 || h < 3.7 || !/^[A-Za-z]+$/.test(v) || /[a-z]{6}/.test(v)) return false;
  const upper = v.replace(/[a-z]/g, '').length;
  if (upper < len / 4 || len - upper < len / 4 || v.replace(/[^aeiouAEIOU]/g, '').length > len * 0.32) return false;
  let changes = 0;
  for (let i = 1; i < len; i++) if (v.charCodeAt(i) < 97 !== v.charCodeAt(i - 1) < 97) changes++;
  return changes * 4 >= len;
}

/**
 * A secret drawn from every class of characters, as password generators make them (`Kq7#vL2!pZ9$wX4&mT`):
 * lower and upper case, digits and symbols mixed all along, no word in it. Not a query string, a format
 * string, a path or an expression, whose symbols come in their own places.
 */
function isSymbolPassword(v: string, h: number): boolean {
  if (v.length < 12 || v.length > 64 || h < 3.6 || charClasses(v) < 4) return false;
  if (/[?\\'"`<>{}()[\]\s,;|]/.test(v) || /&[A-Za-z_]\w*=|%[sdif0-9{(]|^[#!/@&*^%]|\/\/|\.\./.test(v)) return false;
  // Symbols spread through the value, and letters in runs no longer than a short syllable.
  return !/[A-Za-z]{6}/.test(v) && !isWordsAndNumbers(v) && !looksLikeIdentifier(v);
}

/**
 * Random beyond doubt, for names that only suggest a credential (`isLooseKeyName`): 20 or more characters
 * mixing upper case, lower case and digits, not a hex digest.
 */
function isStronglyRandom(v: string): boolean {
  if (isSingleCaseRandom(v)) return true;
  // Letters of both cases only, long: random beyond doubt at the entropy isHighEntropy asks of them.
  if (/^[A-Za-z]{24,}$/.test(v)) return /[a-z]/.test(v) && /[A-Z]/.test(v) && !/[a-z]{12}|[A-Z]{12}/.test(v);
  // Hex digits of both cases are no digest (digests print in one case): a key's own alphabet.
  if (v.length < 20 || (HEX.test(v) && !(/[a-f]/.test(v) && /[A-F]/.test(v))) || !/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/\d/.test(v)) return false;
  // Words with a number (`MyComponentKey2024abc`) are left to looksLikeIdentifier, which the caller applies.
  return shannonEntropy(v) >= 3.8;
}

/**
 * A setting named after a service holding 32 to 64 hex digits: the service's key. An environment
 * variable (`KAGGLE_KEY`, `TMDB_KEY`), or a key of a configuration mapping (`"tmdb_key": …`,
 * `etherscanKey: …`): settings carry credentials, not digests (a file's hash is computed, not
 * configured; the data keys that do hold one, `cache_key`, `sha_key`, are not loose key names). A
 * lower-case name assigned or compared in code (`$cg->gateway_key = '…'`, `where('gateway_key', '…')`) is
 * a row's id as often. Lower case, or upper case of a key's length (32, 64): an upper-case 40-digit value
 * is an OpenPGP fingerprint (Dockerfiles' `ENV TINI_KEY 595E…`), which is public.
 */
function isServiceHexKey(a: Assignment, v: string): boolean {
  const name = a.name;
  // A column layout's name (`newsapi KEY  b690…`, `Client Secret  16cf…`) says the same as a setting's.
  if (!a.strict && !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_KEY$/.test(name) && !(a.op === ':' && !a.typed && /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_key$|^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)*Key$/.test(name)))
    return false;
  return /^[0-9a-f]{32,64}$/.test(v) ? /[a-f]/.test(v) && /\d/.test(v) : /^[0-9A-F]{32}$|^[0-9A-F]{64}$/.test(v);
}

/**
 * Many services issue keys in one case (`[a-z0-9]{32}`, `[A-Z0-9]{40}`, groups joined by `-`): random
 * beyond doubt when 24 or more letters and digits are mixed all along (digits in three or more places,
 * letters in most) at an entropy words with a number never reach. Not hex: under a bare `<word>_key`
 * that is a digest as often as a key.
 */
function isSingleCaseRandom(v: string): boolean {
  if (!/^(?:[a-z0-9]+(?:[-_.][a-z0-9]+){0,7}|[A-Z0-9]+(?:[-_.][A-Z0-9]+){0,7})$/.test(v)) return false;
  // Groups in a key's layout, or separators drawn at random (`qcyhewyuj9…_bpj12…`); words and versions
  // joined by them (`node-18-bullseye-slim-amd64`, `user_2fa_backup_v2`) are not a key.
  const groups = v.split(/[-_.]/);
  if (groups.length > 1 && !isKeyLayout(groups) && !isRandomHyphenation(groups)) return false;
  const body = groups.join('');
  if (body.length < 24 || HEX.test(body) || /\d{9}/.test(body)) return false;
  const digitRuns = body.match(/\d+/g)?.length ?? 0;
  // At the entropy 99 % of random strings of its length over 36 symbols reach (3.6 bits at 24
  // characters, 3.9 at 32; a fixed 4 bits turned away half of all random 24-character values), 4 at most.
  return digitRuns >= 3 && body.replace(/\d/g, '').length * 2 >= body.length && shannonEntropy(body) >= Math.min(4, 0.555 + 0.67 * Math.log2(body.length));
}

/**
 * Groups of one length (`LV3NVP5-JTT2934-UR6UKJ9-HTMYHAQ`, a license key; the last may be shorter), or a
 * UUID's 8-4-4-4-12 (drawn from more than hex digits: `wtcf2j09-1mzb-rkcn-bi2n-fs1ey7p46308`).
 */
function isKeyLayout(groups: string[]): boolean {
  const n = groups[0]!.length;
  if (groups.length >= 3 && n >= 4 && groups.every((g, i) => (i < groups.length - 1 ? g.length === n : g.length <= n))) return true;
  return groups.length === 5 && groups.map((g) => g.length).join() === '8,4,4,4,12';
}

/**
 * A random value whose alphabet has `-` in it (`xpsh-21z2-iav5qahp…`): a few hyphens, and no group a word
 * (letters only, four or more, with a word's share of vowels), as in `node-18-bullseye-slim`.
 */
function isRandomHyphenation(groups: string[]): boolean {
  if (groups.length > 5 || groups.some((g) => g.length === 0)) return false;
  return !groups.some((g) => /^[a-z]{4,}$/i.test(g) && g.replace(/[^aeiou]/gi, '').length >= g.length * 0.3);
}

/**
 * Lower-case words and numbers joined by `_`, `-`, `.`, `/` or `:`, each part all letters or all digits
 * (`0006_require_contenttypes_0002`, `release-2024-rc`, a secret store's `helm-chart-signing-key:public_key`):
 * a name (a Django migration, a label, a slug, a reference), not a key. Random lower-case tokens mix letters and digits inside their parts.
 */
function isWordsAndNumbers(value: string): boolean {
  // A key prefix may end with its separator (`prefix_user_token:single_login:pc:`).
  value = value.replace(/[-_./:]+$/, '');
  if (!/^[a-z0-9]+(?:[-_./:][a-z0-9]+)+$/.test(value)) return false;
  const parts = value.split(/[-_./:]/);
  let words = 0;
  for (const p of parts) {
    if (/^[a-z]{3,}$/.test(p)) words++;
    else if (!/^\d+$/.test(p) && !/^[a-z]{1,2}$/.test(p)) return false;
  }
  return words >= 2 && words * 2 >= parts.length;
}

/**
 * Words that tell the reader what to put there: `YourPwdShouldBeLongAndSecure!`, `your_db_pw`,
 * `ReplaceWithTheRealValue`. A generated value is not four or more capitalised words, nor starts with `your`.
 */
function isInstructionPhrase(v: string): boolean {
  if (/^[Yy]our(?:[A-Z]|[_-][A-Za-z])|^YOUR[_-]/.test(v)) return true;
  // Also in leetspeak (`Ple4seCh4ngeThisN0tAVerySecretV4lue`), with the one-letter words of a sentence.
  const words = /^(?:[A-Z][a-z]+|A|I)(?:[A-Z][a-z]+|A|I){3,}[!.?]{0,3}$/;
  return words.test(v) || (/[0-9$@]/.test(v) && words.test(undoLeet(v)));
}

/**
 * Code on a minified line: `_check_password_hook=Module._check_password_hook=e.check_password_hook.value`
 * is a chain of assignments between member paths, not a literal (base64 has no `.`).
 */
const CHAINED_MEMBERS = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:=[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)+$/;

/**
 * Spring Security's `DelegatingPasswordEncoder` stores `{id}hash` (`{bcrypt}$2a$10$…`, `{pbkdf2}5d92…`,
 * `{pbkdf2@SpringSecurity_v5_8}…`), and `MessageDigestPasswordEncoder` `{salt}hexdigest`: a password hash
 * behind a braced id, not a credential. `{noop}` is the plain-text password and stays a candidate.
 */
function isPrefixedPasswordHash(v: string): boolean {
  // Jenkins' `#jbcrypt:$2a$10$…` (its user database, a test's expected hash).
  if (/^#jbcrypt:/.test(v)) return isNonSecretDatum(v.slice(9));
  const m = /^\{([\w@.-]{0,40})\}(.+)$/.exec(v);
  if (!m || /^noop$/i.test(m[1]!)) return false;
  const rest = m[2]!;
  if (isNonSecretDatum(rest)) return true; // crypt formats, {SSHA}…
  if (/^\$[\w.+/=-]{1,40}\$[\w.+/=-]{8,}\$[\w.+/=-]{8,}$/.test(rest)) return true; // $params$salt$hash (Spring's scrypt)
  const hash = rest.replace(/^\{[A-Za-z0-9+/=]{0,64}\}/, ''); // {MD4}{salt}digest
  return /^[0-9a-f]{32,}$/i.test(hash) && hash.length % 2 === 0;
}

/**
 * Base64 of an evident placeholder (`ZXhhbXBsZS1hcHAtc2VjcmV0` is `example-app-secret`) or of the key's
 * own name (`postgresql-password: cG9zdGdyZXMK`, `postgres`), as a Secret's `data:` holds them.
 */
function isEncodedPlaceholder(v: string, name: string): boolean {
  // Padding may be cut off (`LS1CRUdJTiBgUFJJVkFURSB`): 4n + 2 and 4n + 3 characters decode too.
  if (v.length < 8 || v.length > 200 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v) || v.length % 4 === 1) return false;
  const text = decodeBase64Text(v.length % 4 ? v + '='.repeat(4 - (v.length % 4)) : v, 1);
  if (text === undefined) return false;
  const t = text.trim();
  if (t.length === 0) return false;
  // A phrase in base64 (`why hello there`, a PEM header cut short: `--BEGIN \`PRIVATE `): words, not a key.
  if (/\s/.test(t)) return !/[\r\n]/.test(t) && /^[\x20-\x7e]+$/.test(t) && t.replace(/[^A-Za-z ]/g, '').length >= t.length * 0.8;
  // Also a datum or words in base64 (`aGVsbG8td29ybGQ=` is `hello-world`; an htpasswd line's hash).
  return isPlaceholder(t, false) || isPlaceholderPassword(t) || spellsItsName(t, name) || isNonSecretDatum(t) || /^[a-z]+(?:[-_][a-z0-9]+){1,30}$/.test(t);
}

// Prefixes of formats that provider rules validate (checksum, length, charset). A value with one of
// these that its provider rule did not accept is a look-alike or a truncated sample, not a generic secret.
// PostHog's `phc_` project keys are public by design, and so are Stripe's PaymentIntent and SetupIntent
// client secrets (`pi_…_secret_…`, handed to the browser to confirm one payment): no rule reports them.
const PROVIDER_PREFIX =
  /^(?:xox[abposr]-|xapp-|gh[pousr]_|github_pat_|glpat-|gldt-|glrt-|sk_(?:live|test)_|rk_(?:live|test)_|pk_(?:live|test)_|sk-(?:ant-|proj-)|AKIA|ASIA|AIza|dapi|npm_|pypi-|hf_|shp(?:at|ss|ca|pa)_|dop_v1_|dckr_pat_|glc_|lin_api_|ntn_|SG\.|EAA[A-Za-z0-9]|ya29\.|AccountKey=|sq0(?:atp|csp)-|ph[cx]_|(?:pi|seti)_[A-Za-z0-9]{14,}_secret_|key-[0-9a-f]{32}$)/;

/**
 * `password=…` among blank-separated `key=value` words: a libpq connection string (`host=db user=app
 * password=…`, PostgreSQL's primary_conninfo, Dovecot's `connect =`), a RouterOS command (`/user add
 * name=ops password=… group=full`). The word before it is another `key=value`.
 */
function amidKeyValueWords(a: Assignment, line: string): boolean {
  if (a.op !== '=') return false;
  const at = line.indexOf(`${a.name}=${a.value}`);
  return at > 0 && /(?:^|[\s'"])[A-Za-z_][\w.-]{0,40}=[^\s=]{1,200}[ \t]+$/.test(line.slice(Math.max(0, at - 250), at));
}

/**
 * An unquoted value is only a literal where the line is configuration (`KEY=value`, `key: value`), a
 * shell assignment or a `--flag=value`, or inside a string that itself holds `KEY=value` lines.
 */
function unquotedAllowed(a: Assignment, line: string): boolean {
  if (a.form === 'statement') return true;
  if (a.op === '(' || a.op === ',' || a.typed) return false;
  // An identifier that ends in the setting's own name is the code that provides it: C's designated
  // initialisers (`.set_encryption_key = s2n_aead_cipher_aes128_gcm_set_encryption_key,`).
  if (/^[A-Za-z_$][\w$]*$/.test(a.value) && a.name.length >= 6 && a.value.toLowerCase().endsWith(a.name.slice(a.name.lastIndexOf('.') + 1).toLowerCase())) return false;
  if (a.op === ':' && !/:[ \t]/.test(line.slice(line.indexOf(a.name) + a.name.length, line.indexOf(a.name) + a.name.length + 6))) return false;
  const head = line.slice(0, Math.max(0, line.indexOf(a.name)));
  // A URL's query parameter (`…/oauth2/token?grant_type=client_credentials&client_secret=…`), not on a
  // local or documentation host (`http://localhost:8080/?…&token=…` in a guide is a sample) nor in a link
  // made to be shared (a Zoom invitation's `?pwd=`).
  const inQuery = a.op === '=' && /[\w.-]\/[^\s"'<>]*(?:[?&]|&amp;)$/.test(head);
  if (inQuery && onSampleHost(head, true)) return false;
  if (isConfigLine(line) || amidKeyValueWords(a, line)) return true;
  if (PLAIN_ASSIGN.test(a.op) && /^[A-Z][A-Z0-9_]*$/.test(a.name)) return true;
  // `--token=…`, and a flag whose value is itself `NAME=value` (`--from-literal=password=…`, `--build-arg TOKEN=…`),
  // curl's form fields (`curl -d access_token=…`, `-F api_key=…`).
  if (/--$|--[A-Za-z][\w-]{0,40}(?:=|[ \t]+)$|(?:^|[ \t])-[dF][ \t]+$/.test(head)) return true;
  if (inQuery) return !onSampleHost(head);
  // `{"config.ini": "API_TOKEN=…\nX=…"}`: inside a quoted string; with `:`, a line of a YAML document
  // or a config file in one (`"host: db\npassword: …\n"`), not a message (`"Invalid password: …"`).
  return /["'][^"']*$/.test(head) && (a.op === '=' || (a.op === ':' && /\\[nrt][ \t]*$/.test(head)));
}

function skipValue(a: Assignment, line: string): boolean {
  const v = a.value;
  if (!v || (/\s/.test(v) && !isGoogleAppPassword(v)) || v.length > 500) return true;
  // JWT-shaped (or a truncated one, or its header elided: `.eyJ…`): the jwt rule decides, unless it is
  // only shaped like one (`eyJ4tw1J….eyJE8R…`, segments that do not decode): then a random value like any.
  if (/^\.?eyJ[\w-]*={0,2}\.[\w-]*={0,2}(?:\.|$)/.test(v) && !isJwtLookalike(v)) return true;
  // Text in another script written as JSON escapes (`"PW": "\u30d1\u30e9\u30aa"`, Palau in Japanese).
  if (v.includes('\\u') && isEscapedText(v)) return true;
  // An ARM/Bicep template function builds the value at deployment (`listKeys(resourceId(…))`, `parameters('pw')`).
  if (/^\W{0,3}(?:parameters|variables|listKeys|listSecrets|listConnectionStrings|listCredentials|reference|resourceId|concat|format|getSecret)\(/i.test(v)) return true;
  // A log's field after the word (`using auto auth token: path=/v1/auth/aws/login`): a name and a path, no value.
  if (/^[A-Za-z_][\w.-]{0,30}=\//.test(v)) return true;
  // A regular expression (a secret finder's own pattern: `(?:\\s|=|:)AP[\\dABCDEF][a-zA-Z0-9]{8,}`).
  if (/\(\?(?:[:=!]|<[=!])|\[[^\]]{1,40}\]\{\d{1,3}(?:,\d{0,3})?\}/.test(v)) return true;
  // String concatenation taken for a value (`'KEY="' + el.value + '"'`: its quotes belong to two literals).
  if (/^["'`][ \t]*\+|\+[ \t]*["'`]$/.test(v)) return true;
  // A Google Sheets document's id (`…/spreadsheets/…?key=…`, `spreadsheets.google.com/…?key=`): it names the sheet.
  if (/^key$/i.test(a.name) && /(?:docs\.google\.com\/spreadsheets?|spreadsheets\.google\.com)\/[^\s"'<>]*[?&]$/.test(line.slice(0, Math.max(0, line.indexOf(a.name))))) return true;
  // `imap://user;AUTH=*@host`, `afp://user;AUTH=DHX2:pw@host` (RFC 5092, 2384): a URL's userinfo parameter names the
  // login mechanism; a password after it is the URL's, which the URL rule reads.
  if (!a.quote && /[A-Za-z][\w+.-]*:\/\/[^\s/@'"]*;$/.test(line.slice(0, Math.max(0, line.indexOf(a.name))))) return true;
  if (isTemplated(v) || isNonSecretDatum(v) || isUuid(v)) return true;
  // A command-line flag (kickstart's `rootpw --lock`): no value at all.
  if (/^--[a-z]/.test(v)) return true;
  // Ciphertext whose key lives elsewhere: Netmiko's `__encrypt__…`, Jasypt's `ENC(…)`, sops' `ENC[…]`,
  // Spring Cloud Config's `{cipher}…`, Vault transit's `vault:v1:…`, an Ansible Vault payload, Shopify's
  // ejson (`EJ[1:<public key>:<nonce>:<ciphertext>]`, decrypted with a private key kept off the repository).
  if (/^(?:__encrypt__|ENC[([]|\{cipher\}|vault:v\d+:|\$ANSIBLE_VAULT;|EJ\[\d+:)/.test(v)) return true;
  // A JSON pointer (`$ref: "#/components/schemas/…"`), a URN, a package or host path (`github.com/org/pkg/v8/name`),
  // AWX's `$encrypted$` stand-in.
  // A validation rule list (Laravel's `'password' => 'required|confirmed|min:16|secure_password'`).
  if (/^[a-z_]+(?::[\w,.-]*)?(?:\|[a-z_]+(?::[\w,.-]*)?)+$/.test(v)) return true;
  if (/^(?:required|nullable|sometimes|confirmed|prohibited|present|filled|exclude)(?:_[a-z]+)*(?::[\w,.-]+)?$/.test(v)) return true;
  // A label (`created_password: 'Palavra-passe:'`): words ending in a colon.
  if (a.quote && /^[\p{L}][\p{L} .'-]*:$/u.test(v)) return true;
  // `"iso_3166_2":"PW","iso_3166_3":"PLW"`: the "name" is a value itself (after `":`), not a key.
  if (a.nameQuoted && a.op === ',' && new RegExp(`:\\s*["']${escapeRegExp(a.name)}["']\\s*,`).test(line)) return true;
  // SigV4's `X-Amz-Credential` is the access key id and its scope (date, region, service), Google's V4
  // `X-Goog-Credential` a service account's e-mail and scope: no secret.
  if (/^x-(?:amz|goog)-credential$/i.test(a.name)) return true;
  // Maven's `{…}` (base64 in braces) is encrypted under the master password kept elsewhere (maven-master-password
  // decrypts it when that is in the scan).
  if (/^\{[A-Za-z0-9+/]{16,}={0,2}\}$/.test(v)) return true;
  if (/^#\/|^urn:[A-Za-z0-9][\w-]{0,31}:|^\$encrypted\$$/.test(v) || /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[\w.~-]+)+$/.test(v)) return true;
  // A reference to a secret by its name (PyAirbyte's `secret_reference::GITHUB_PERSONAL_ACCESS_TOKEN`).
  if (/^[a-z][a-z0-9_-]{0,30}::[A-Z][A-Z0-9_]{2,80}$/.test(v)) return true;
  // The text between two literals, taken for one (`"Password:"),d?x.createElement("` in minified code).
  if (a.quote && /^[)\]},;]/.test(v)) return true;
  if (isPlaceholder(v, false) || PROVIDER_PREFIX.test(v) || namesItself(v) || isInstructionPhrase(v) || echoesName(a.name, v)) return true;
  // data[0].secret, config.auth.token, u2.AdminRoleInAuth, Swift's `server.clientSSL?.password`: a member path
  // (each member of words), not `<id>.<random>`.
  if (
    /^[A-Za-z_$][\w$]*(?:\[\d+\]|\??\.[A-Za-z_$][\w$]*)+$/.test(v) &&
    !/\d{3}/.test(v) &&
    v
      .replace(/\[\d+\]/g, '')
      .split(/\??\./)
      .every(looksLikeIdentifier)
  )
    return true;
  if (isPrefixedPasswordHash(v) || isEncodedPlaceholder(v, a.name)) return true;
  // Rollbar's browser snippet (`var _rollbarConfig = { accessToken: … }`) holds a post_client_item token,
  // public by design (secrets/rollbar-access-token reports it, at low confidence).
  if (line.includes('_rollbarConfig')) return true;
  // Framed to be seen (`-----====>SetR00tPa$$wordH3r3!!!<====-----`): a value to replace, not a key.
  if (isFramed(v)) return true;
  // Spelled after its own name (`aws_secret: AWSSECRETYkkD…`): a placeholder that says what goes there.
  if (startsWithOwnName(a.name, v)) return true;
  // A test double's label (`"mockWrappedSigningKey-1"`), a design token's path (`token('lineHeights.150')`).
  if (/^(?:mock|stub|fake|dummy)[A-Z_.-]/.test(v) || /^[a-z][A-Za-z]*(?:\.(?:[a-z][A-Za-z]*|\d+))+$/.test(v)) return true;
  // A lone JWT header (`eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9`, `{"alg":"HS256","typ":"JWT"}`): no claims, no signature;
  // also cut short (`eyJhbGciOiJIUzI1NiIsInR5c` in a malformed-token test): its whole groups of 4 decode.
  if (
    /^eyJ[A-Za-z0-9_-]{10,}$/.test(v) &&
    /"alg"/.test(
      decodeBase64Text(
        v
          .slice(0, v.length - (v.length % 4))
          .replace(/-/g, '+')
          .replace(/_/g, '/'),
        1,
      ) ?? '',
    )
  )
    return true;
  if (encodesJsonOnly(v)) return true;
  if (a.op === ',' && inListLiteral(a, line)) return true;
  if (a.quote && (joinedToCode(a, line) || isInterpolated(a, line))) return true;
  if (!a.quote) {
    if (isSignedUrlParameter(a, line)) return true;
    if (CHAINED_MEMBERS.test(v) && v.includes('.')) return true;
    // `?user=user&password=password&_csrf=…`: the value ends at `&`, and a placeholder there is one.
    const amp = v.search(/&[A-Za-z_][\w.-]*=/);
    if (amp > 0 && isPlaceholderPassword(v.slice(0, amp))) return true;
    if (a.next === '(' || a.next === '[' || a.next === '{' || a.next === '.') return true;
    if (/^[!&*|>%@$]/.test(v)) return true; // YAML tags/anchors/block scalars, shell/PHP variables
    // A Ruby symbol (`:usri3_auth_flags`), a constant path (`Chef::ReservedNames::Win32…`), a number (`0x000040`).
    if (/^:[A-Za-z_]\w*$|^[A-Z]\w*(?:::[A-Z]\w*)+|^0x[0-9a-fA-F]+$/.test(v)) return true;
    // A method reference (Kotlin's `viewModel::onAuthenticated`); after `KEY= ` (empty), the next assignment.
    if (/^[A-Za-z_][\w.]*::[A-Za-z_]\w*$/.test(v) || /^[A-Z][A-Z0-9_]*=/.test(v)) return true;
    if (looksLikeIdentifier(v)) return true;
    if (!unquotedAllowed(a, line)) return true;
  }
  return false;
}

/**
 * A value spelling its own name in words (a feature flag's key: `UnlockWithMasterPasswordUnlockData =
 * "pm-23246-unlock-with-master-password-unlock-data"`, `ResetPasswordTokenKey = "reset_password_token"`).
 */
/** A run of 4 or more of `-=<>~#*_` at either end, not `=` alone (base32's padding runs to six). */
function isFramed(v: string): boolean {
  const ends = [/^[-=<>~#*_]{4,}/.exec(v)?.[0], /[-=<>~#*_]{4,}$/.exec(v)?.[0]];
  return ends.some((run) => run !== undefined && /[^=]/.test(run));
}

function startsWithOwnName(name: string, v: string): boolean {
  const squashed = name.toLowerCase().replace(/[^a-z]/g, '');
  const value = v.toLowerCase().replace(/[^a-z0-9]/g, '');
  return squashed.length >= 8 && value.length > squashed.length && value.startsWith(squashed);
}

function echoesName(name: string, v: string): boolean {
  if (!/^[a-z0-9]+(?:[-_.:][a-z0-9]+){2,}$/.test(v)) return false;
  const own = new Set(nameWords(name));
  const words = v.split(/[-_.:]/).filter((w) => /^[a-z]{3,}$/.test(w));
  return words.length >= 3 && words.every((w) => own.has(w));
}

/**
 * An interpolated string with an expression in it: Python's `f"Ansible-{hash(x)}-{time.time()}"`, C#'s
 * `$"…{x}…"`, Kotlin's and Dart's `"…${x}…"` and `"…$name…"` are caught as templates already.
 */
function isInterpolated(a: Assignment, line: string): boolean {
  if (!/\{[^{}\s]+\}/.test(a.value)) return false;
  const at = line.indexOf(`${a.quote}${a.value}`);
  return at > 0 && /(?:^|[^\w])(?:[fF][rR]?|[rR][fF]|\$@?|@\$)$/.test(line.slice(Math.max(0, at - 3), at));
}

/** Two or more `\uXXXX` escapes of characters beyond ASCII: a string in another script, escaped. */
function isEscapedText(v: string): boolean {
  let n = 0;
  for (const m of v.matchAll(/\\u([0-9a-fA-F]{4})/g)) if (parseInt(m[1]!, 16) >= 0x80 && ++n >= 2) return true;
  return false;
}

/**
 * A literal joined to a variable or a call (`'prefix_' . $emailLocal . '_suffix'`, `"Bearer " + token`):
 * a fragment of a value built at run time. (Literals joined to literals are read joined: concatenated.ts.)
 */
function joinedToCode(a: Assignment, line: string): boolean {
  const q = a.quote;
  const at = line.indexOf(`${q}${a.value}${q}`);
  if (at < 0) return false;
  const rest = line.slice(at + a.value.length + 2);
  // PHP joins with `.`: a variable, a spaced call, a static call (`'confirmed|'.Setting::rules('store')`).
  return /^\s*(?:\+\s*[A-Za-z_$(]|\.\s*\$|\.\s+[A-Za-z_]|\.\s*\\?[A-Za-z_][\w\\]*::)/.test(rest);
}

/**
 * Base64 of JSON and nothing else, one segment or dot-separated ones (`eyJwYXkiOiJsb2FkIn0` is `{"pay":"load"}`,
 * a JWT's header and claims without a signature, `WyJIUzI1NiJd.e30`), holding no random string: data a test
 * builds tokens from. A bundle that carries a key (Ceph's mirror bootstrap token, `{"key":"AQ…"}`) stays a
 * secret; a signed token's signature does not decode.
 */
function encodesJsonOnly(v: string): boolean {
  if (v.length < 8 || !/^[A-Za-z0-9+/_-]{4,}={0,2}(?:\.[A-Za-z0-9+/_-]{2,}={0,2}){0,2}\.?$/.test(v) || !/^(?:ey|Wy|W3|e3)/.test(v)) return false;
  return v
    .split('.')
    .filter(Boolean)
    .every((seg) => {
      const json = decodeJsonSegment(seg);
      return typeof json === 'object' && json !== null && !holdsRandomString(json, 0);
    });
}

function holdsRandomString(json: unknown, depth: number): boolean {
  if (typeof json === 'string') return json.length >= 16 && !/\s/.test(json) && shannonEntropy(json) >= 3.3;
  if (depth > 8 || typeof json !== 'object' || json === null) return false;
  return Object.values(json).some((x) => holdsRandomString(x, depth + 1));
}

/** The URL whose query holds the value (from the last blank or quote before it to the next one), or undefined. */
function queryUrlHolding(a: Assignment, line: string): { url: string; query: string; path: string } | undefined {
  const at = line.indexOf(a.value);
  if (at < 1) return undefined;
  // A URL is at most a few kilobytes: a minified line without blanks is not walked to its ends.
  let s = at;
  const sMin = Math.max(0, at - 4096);
  while (s > sMin && !/[\s"'`<>()]/.test(line[s - 1]!)) s--;
  let e = at + a.value.length;
  const eMax = Math.min(line.length, e + 4096);
  while (e < eMax && !/[\s"'`<>()]/.test(line[e]!)) e++;
  const url = line.slice(s, e).replace(/&amp;/g, '&');
  const q = url.indexOf('?');
  if (q < 0 || q > at - s || !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return undefined;
  return { url, query: url.slice(q), path: url.slice(0, q) };
}

/**
 * A query parameter of a signed, expiring URL (`…?e=1573632286&token=<key id>:<signature>`, `Expires=…&Signature=…`,
 * an Azure SAS `se=…&sig=…`): a signature that stops working at the expiry it carries, not a credential.
 * Or of a status badge's image (`/badges/21183?token=…`, Codecov's `graph/badge.svg?token=…`): the token
 * only renders the badge, and the README shows it to everyone.
 */
function isSignedUrlParameter(a: Assignment, line: string): boolean {
  const held = queryUrlHolding(a, line);
  if (!held) return false;
  if (/\/badges?\b|badge\.(?:svg|png)$/i.test(held.path)) return true;
  // SigV4 and Google's V4 signing carry the signing time and a lifetime of at most seven days.
  return /[?&](?:(?:e|expires?|x-amz-expires|se|deadline|validuntil)=(?:\d{10,13}|\d{4}-\d\d-\d\d)|x-(?:amz|goog)-date=\d{8}T\d{6}Z)/i.test(held.query);
}

/**
 * `[]string{"auth", "addPrefix@provider"}`, `["token", "other"]`: items of a list literal, where a string is
 * not the key of the one after it. A map literal's `{"password", "…"}` pair is not a list.
 */
function inListLiteral(a: Assignment, line: string): boolean {
  let at = -1;
  for (const q of ['"', "'", '`']) if (at < 0) at = line.indexOf(`${q}${a.name}${q}`);
  if (at < 1) return false;
  const before = line.slice(0, at).trimEnd();
  // Also SQL's `IN ('RegisterUsernamePassword', 'RegisterEmail', …)`.
  if (/(?:\[\]\s*[\w.*]+\s*\{|\[|\bin\s*\()$/i.test(before) || /(?:\[\]\s*[\w.*]+\s*\{|\[|\bin\s*\()\s*(?:["'`][^"'`]*["'`]\s*,\s*)+$/i.test(before)) return true;
  // A run of three or more literals in which the name stands where a value would (the second, fourth …):
  // arguments by position (Spring's TestingAuthenticationToken of principal, credentials and authorities, a
  // Set.of of setting names), not pairs (`Map.of("user", "admin", "password", "…")` has the name first of a pair).
  const lead = /(?:["'`][^"'`\n]{0,200}["'`]\s*,\s*)+$/.exec(before)?.[0];
  if (!lead) return false;
  const index = (lead.match(/["'`][^"'`\n]{0,200}["'`]\s*,/g) ?? []).length;
  const after = line.slice(at + a.name.length + 2);
  return index % 2 === 1 && /^\s*,\s*["'`]/.test(after);
}

/** How `password`-tier literals are told from words, identifiers and prose. */
function isPasswordLiteral(a: Assignment, line: string): boolean {
  // Spring's `{noop}` marks a plain-text password: judge what follows it; Java properties escape non-ASCII
  // letters (`Contrase\u00f1a`): judge the text.
  let v = a.value.replace(/^\{noop\}/i, '').replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  // Android string resources may quote their text (`<string name="common_password">"Adgangskode"</string>`).
  if (a.quote !== '"' && a.quote !== "'") v = v.replace(/^"([^"]*)"$/, '$1');
  if (v.length < 6 || v.length > 64) return false;
  // A Swift enum case (`passwordField.style = .primaryField`), not a literal.
  if (!a.quote && /^\.[a-z][A-Za-z0-9]*$/.test(v)) return false;
  if (!a.quote) {
    const configLike =
      a.form === 'statement' ||
      isConfigLine(line) ||
      amidKeyValueWords(a, line) ||
      (PLAIN_ASSIGN.test(a.op) && /^[A-Z][A-Z0-9_]*$/.test(a.name)) ||
      /--[\w-]*$|--[A-Za-z][\w-]{0,40}(?:=|[ \t]+)[\w.-]*$/.test(line.slice(0, Math.max(0, line.indexOf(a.name) + a.name.length)));
    if (!configLike) return false;
    // A nullable, array or generic type in a parameter list (Kotlin's `password: CharArray?`, `pw: String[]`).
    if (a.op === ':' && /^[A-Z][\w.]*(?:<[\w<>, ?.]*>)?(?:\?|\[\])+,?$|^[A-Z][\w.]*<[\w<>, ?.]*>,?$/.test(v)) return false;
  }
  if (isPlaceholderPassword(v)) return false;
  // An escaped line break or tab: text, or a test of how line breaks are handled (`"pass\nword"`).
  if (a.quote && /\\[nrt]/.test(v)) return false;
  // One word, in any script, maybe ending a sentence: an enum, a label, a default, a translation
  // (`"app_passwd": "Applikationslösenord"`), prose (`with --password1 option,`).
  if (ONE_WORD.test(v)) return false;
  // Words joined by hyphens, in any script: a translation (`"Password": "Palavra-passe"`, `"Einmal-Passwort"`,
  // `"SMTP-adgangskode"`) or a label; a generated password mixes in digits or symbols.
  if (HYPHENATED_WORDS.test(v)) return false;
  // Words of a script written without spaces (Chinese, Japanese, Korean): a sentence of a translation
  // (`"PASSWORD": "密码长度在8到128之间…"`, `"SEARCH_PWD": "LDAP搜索密码"`), not a password.
  if (/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]{2}/.test(v)) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return false; // ENV_VAR_NAME
  if (/^[A-Z]+(?:_[A-Z0-9]*)*$/.test(v)) return false; // a constant: `ANONYMOUS`, `FACTORONE`, `SCOPE_`
  if (/^[A-Za-z][\w.-]*(?:,[A-Za-z][\w.-]*)+$/.test(v) && v.split(',').every((x) => looksLikeIdentifier(x))) return false; // ROLE_A,ROLE_B
  if (/^(?:[A-Z][a-z]+){3,}$/.test(v)) return false; // a class name: `ExceptionTranslationFilter`
  // A method or key name of three words or more, a digit-spelled word among them (`render2FaUserSettings`).
  if (looksLikeIdentifier(v) && (v.match(/[A-Za-z][a-z]{2,}/g)?.length ?? 0) >= 3 && /[a-z][A-Z]|^[a-z]+_[a-z]/.test(v)) return false;
  // `Pass` alone is also a verb (NGINX's `Action.Pass` to an upstream, a test's outcome): a resource name in
  // kebab-case under it (`Pass: "grpc-app-1"`, `Pass: "tea-v1"`) names where to pass, not a password.
  if (/^[$@]?pass$/i.test(a.name) && /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(v)) return false;
  if (/^[a-z][a-z_.-]*[=:]$/.test(v)) return false; // a label being concatenated: `"licensecode=" + id`
  if (/^[a-z]+(?:[_-][a-z]+)+$/.test(v) || /^[a-z]+(?:[A-Z][a-z]+)+$/.test(v)) return false; // snake/kebab/camel words
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(v) && !/\d/.test(v)) return false; // member path
  const compact = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (compact(v) === compact(a.name) || compact(a.name).endsWith(compact(v)) || spellsItsName(v, a.name)) return false;
  if (!/[A-Za-z0-9]/.test(v)) return false;
  return true;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The shortest value either tier judges a credential (isPasswordLiteral: 6). */
const MIN_VALUE = 6;

/** How far the line around a value reaches on each side when judging it: minified lines are megabytes. */
const LINE_REACH = 1000;

/**
 * The line of `text` around [s, e), at most LINE_REACH characters each side. The judgement looks for the
 * value and its neighbours in it: searched in a whole minified line, once per assignment, that was
 * quadratic (0.5 MB of `<password>x</password>` on one line: 8 s).
 */
function lineAround(text: string, s: number, e: number): string {
  if (s < 0 || e > text.length) return text;
  let ls = s;
  const min = Math.max(0, s - LINE_REACH);
  while (ls > min && text.charCodeAt(ls - 1) !== 10) ls--;
  let le = e;
  const max = Math.min(text.length, e + LINE_REACH);
  while (le < max && text.charCodeAt(le) !== 10) le++;
  return ls === 0 && le === text.length ? text : text.slice(ls, le);
}

/**
 * The verdict for one assignment, or `undefined` when it is not a literal credential. `text` holds the
 * assignment, its value at `at` (outside `text` for a value on a following line: then `text` is read whole).
 */
export function judgeAssignment(a: Assignment, text: string, at: number): Verdict | undefined {
  // Neither tier takes fewer than 6 characters (a chosen password; generated ones need 12): most values
  // of code under a credential name (`key: 'id'`, `auth: true`, `token: ''`) end here, unread.
  if (a.value.length < MIN_VALUE) return undefined;
  const line = lineAround(text, at, at + a.value.length);
  // A call names what it sets by its own name: `@pw_user.gecos.force_encoding("…")` sets no password.
  let kind = classifySecretName(a.op === '(' ? a.name.slice(a.name.lastIndexOf('.') + 1) : a.name);
  if (!kind && a.altName) kind = classifySecretName(a.altName);
  const loose = (!kind || a.strict === true) && (kind !== undefined || isLooseKeyName(a.name) || isUrlKeyParameter(a, text, at));
  if (!kind && loose) kind = 'key';
  if (!kind) return undefined;
  if (a.op === ',' && !a.nameQuoted) return undefined; // argument lists, not key/value pairs
  if (a.op === '(' && (a.nameQuoted || VERB_FIRST.test(nameWords(a.name.split('.').pop()!)[0] ?? '') || /^new[A-Z]/.test(a.name.split('.').pop()!))) return undefined;
  // `name="password" type="xs:string"`, `password='…' authorities='ROLE_A'`: a quoted string followed by
  // another attribute is an XML/HTML attribute list, not a typed declaration (`var token string = …`).
  if (a.typed && a.nameQuoted) return undefined;
  // `prIcon=secret" parent="…"`, `key=password" style="…"`: a quote closes the attribute the name ended, and
  // the "type" is the next attribute's name — an attribute list (draw.io, HTML), not a typed declaration.
  if (a.typed && !a.nameQuoted && new RegExp(escapeRegExp(a.name) + String.raw`["'][ \t]+[A-Za-z_][\w.-]*[ \t]*=[ \t]*["']`).test(line)) return undefined;
  // `<Pass encoding="base64">`: an element and its attribute, not a typed declaration.
  if (a.typed && line.includes(`<${a.name}`) && new RegExp(`<${escapeRegExp(a.name)}[ \t]`).test(line)) return undefined;
  // The verdict first: most values under a credential name in code are not random and not a
  // password literal, and skipValue's forty shape tests cost more than the verdict (both are pure).
  // `apt_key: url=https://…/Release.key state=present`: Ansible's free-form module arguments, `k=v` pairs; a URL's
  // credentials have their own rules.
  if (/^[A-Za-z_][\w-]{0,40}=[a-z][\w+.-]{0,20}:\/\//i.test(a.value)) return undefined;
  // Cloudflare Web Analytics' snippet (`data-cf-beacon='{"token": "…"}'`) is in every page of the site it measures.
  if (line.includes('data-cf-beacon')) return undefined;
  // Code glued to the value where a string was split (`"&pwd="+document.getElementById("password").value`): a
  // concatenation or a call, not a literal.
  // A closing quote's concatenation read as the value (`"…includes credentials: "+e,…`, minified): code.
  if (/^\+[ \t]*[A-Za-z_$(]/.test(a.value) || (!a.quote && /^[A-Za-z_$][\w$.]*\($/.test(a.value))) return undefined;
  const verdict = literalVerdict(a, line, kind, loose);
  if (!verdict || skipValue(a, line)) return undefined;
  // `var token = "r0bz…"; // CSRF token`: an anti-forgery token is printed into every page for every visitor.
  if (ANTI_FORGERY_COMMENT.test(line.slice(line.indexOf(a.value) + a.value.length))) return undefined;
  return !commentSaysIllustrative(a.value, line) ? verdict : undefined;
}

/**
 * What the fields around a value say it is:
 * - a Hive-style partition in a path (`…/AggKey=TargetingData/v=1/…`): a directory's name, not an assignment;
 * - a Web Push subscription's `auth` beside its `p256dh` key: an encryption parameter of one browser's
 *   subscription, which the push service holds too;
 * - a password beside its `salt` and `iterations` (Mosquitto's dynamic security, PBKDF2 stores), or a
 *   digest-sized one beside its `salt` (a user table's export): the derived hash, not the password.
 */
function derivedOrPublicByNeighbours(a: Assignment, whole: string): boolean {
  if (a.op === '=' && !a.quote && whole.slice(Math.max(0, a.start - a.name.length - 2), a.start) === `/${a.name}=`) return true;
  const near = (): string => whole.slice(Math.max(0, a.start - 240), Math.min(whole.length, a.end + 240));
  if (/^auth$/i.test(a.name) && /p256dh/i.test(near())) return true;
  // An S3-style pair's access key beside its secret key (`access_key: …` with `secret_key: from_secret: …`):
  // the key's id, which names it; the secret is the other one.
  if (/^(?:[\w-]*[._-])?access[_-]?key(?:[_-]?id)?$/i.test(a.name) && !/secret|private/i.test(a.name) && /secret[_-]?(?:access[_-]?)?key/i.test(near())) return true;
  // A client token (Meta's `facebook_client_token`, Braintree's, Datadog's `clientToken`): issued to be
  // embedded in apps and pages, beside the app's id.
  if (/client[_-]?token$/i.test(a.name)) return true;
  // A store's order or cart record (Shopify's webhook payloads: `token` beside `cart_token`, `line_items`): the
  // record's own reference, which the storefront puts in its URLs.
  if (
    /^token$/i.test(a.name) &&
    /["']?(?:cart_token|checkout_token|line_items|order_number|order_status_url|financial_status)["']?[ \t]*[:=]/.test(whole.slice(Math.max(0, a.start - 1500), a.end + 1500))
  )
    return true;
  // A bare `token` of an upload or a page (Zendesk's `{"upload": {"token": …}}`, a query's `pagination: {limit, token}`):
  // a handle of the file or a cursor of the listing.
  if (/^token$/i.test(a.name) && /["']?(?:upload|pagination|paging|cursor)["']?[ \t]*[:=][ \t]*\{[^{}]*$/i.test(whole.slice(Math.max(0, a.start - 300), a.start))) return true;
  // Pusher's channel authorisation (`{"auth": "<app key>:<HMAC-SHA256 hex>"}`): a signature for one socket and channel.
  if (/^auth$/i.test(a.name) && /^[\w.-]{1,40}:[0-9a-f]{64}$/.test(a.value)) return true;
  // Google Tag Manager's environment (`id: 'GTM-…', auth: '…', preview: 'env-7'`): the snippet's parameters, in every page.
  if (/^(?:gtm_?)?auth$/i.test(a.name) && /\bGTM-[A-Z0-9]{4,10}\b/.test(near()) && /\benv-\d{1,5}\b/.test(near())) return true;
  // A status badge's token (`…/status.svg?token=…`, shields.io's `img.shields.io/bitrise/<app>?token=…`): it only
  // renders the badge, in every README that shows it.
  if (/token/i.test(a.name) && /(?:\b(?:status|badge)[\w.-]*\.(?:svg|png)|\bimg\.shields\.io\/[^\s"'<>?]*)\?[^\s"'<>]*$/i.test(whole.slice(Math.max(0, a.start - 300), a.start))) return true;
  if (!/passw(?:or)?d|^pass$|pwd/i.test(a.name)) return false;
  // A user record's password beside its salt (`<field name="salt">` above `<field name="password">`, a
  // database export): a digest-sized value there is the salted hash, not the password.
  const salt = /(?:^|[^\w])salt["']?(?:[ \t]*[:=]|>)/i.test(near());
  return salt && (isDigestSized(a.value) || /["']?(?:iterations|rounds|iter)["']?[ \t]*[:=]/i.test(near()));
}

/**
 * The same value given, a few lines away, to the client's id or the user's name (`clientId: "0roM…"` then
 * `clientSecret: "0roM…"`): an example that fills both fields with one string. An issuer never makes a
 * secret equal to the public id beside it.
 */
function copiesAnIdentifier(value: string, text: string, at: number): boolean {
  if (value.length < 8 || text.length < value.length * 2) return false;
  const from = Math.max(0, at - 400);
  const near = text.slice(from, Math.min(text.length, at + value.length + 400));
  let i = near.indexOf(value);
  for (let n = 0; i !== -1 && n < 4; n++, i = near.indexOf(value, i + 1)) {
    if (from + i === at) continue;
    if (
      /(?:client[_-]?id|clientId|app[_-]?id|appId|application[_-]?id|user[_-]?name|userName|username|login|account[_-]?id)["'`\]]{0,2}[ \t]*(?:[:=]|=>)[ \t]*["'`]?$/i.test(
        near.slice(Math.max(0, i - 60), i),
      )
    )
      return true;
  }
  return false;
}

/**
 * `…?key=…` / `…&key=…`: a URL's `key` parameter is how many web APIs take their API key (Google's,
 * YouTube's, Steam's, Trello's, most keyed REST APIs), so it is judged as a key named after a service
 * is: a strongly random value. Elsewhere a bare `key` is a map's or a table's.
 */
function isUrlKeyParameter(a: Assignment, text: string, at: number): boolean {
  if (a.op !== '=' || a.quote || (a.name !== 'key' && a.name !== 'Key')) return false;
  const nameAt = at - 1 - a.name.length;
  if (text.slice(nameAt, at) !== `${a.name}=`) return false;
  const before = text.charCodeAt(nameAt - 1);
  const head = text.slice(Math.max(0, nameAt - 300), nameAt);
  return (before === 63 /* ? */ || before === 38 /* & */ || (before === 59 /* ; */ && text.slice(nameAt - 5, nameAt) === '&amp;')) && /[\w.-]\/[^\s"'<>]*$/.test(head) && !onSampleHost(head);
}

/** The URL that `head` ends inside is on a local or documentation host (`localhost`, `example.com`) or a host of links made to be shared (QQ, Zoom); with `invitesOnly`, only the latter. */
function onSampleHost(head: string, invitesOnly = false): boolean {
  const url = /[A-Za-z][\w+.-]{0,30}:\/\/(?:[^/?#\s"'<>@]*@)?([^/?#\s"'<>]+)[^\s"'<>]*$/.exec(head);
  return url !== null && ((!invitesOnly && isLocalHost(url[1]!)) || PUBLIC_INVITE_HOST.test(url[1]!));
}
/**
 * Links made to be published: QQ's group invitations (`qm.qq.com/cgi-bin/qm/qr?…&authKey=…`), in every README
 * that names a group; Zoom's meeting links with their passcode (`…zoom.us/j/858…?pwd=…`), in every invitation.
 */
const PUBLIC_INVITE_HOST = /^(?:qm|jq)\.qq\.com$|^(?:[\w-]+\.)?zoom\.us$/i;

/**
 * Exactly one RSA block in base64 (128, 256, 384 or 512 bytes: 172, 344, 512 or 684 characters): what a login
 * form sends when it encrypts the password with the server's public key (`"oldPassword": "<344 characters>"` in
 * an API collection). No one chooses a password of that length; only the private key opens it.
 */
const isRsaBlock = (v: string): boolean => /^(?:[A-Za-z0-9+/]{171}=|[A-Za-z0-9+/]{342}==|[A-Za-z0-9+/]{512}|[A-Za-z0-9+/]{683}=)$/.test(v);

function literalVerdict(a: Assignment, line: string, kind: SecretKind, loose: boolean): Verdict | undefined {
  const v = a.value;
  if (loose) return (isStronglyRandom(v) || isServiceHexKey(a, v)) && isHighEntropy(v, 'key') && !looksLikeIdentifier(v) ? { kind: a.strict ? kind : 'key', tier: 'entropy' } : undefined;
  // A hex digest is only a secret when its name says so (and not `…_sha` / `…_hash`, filtered by name).
  // So is a security question's answer, stored hashed (OpenMRS's `secret_answer="cfd3…"`).
  if (isHexDigest(v) && (kind === 'password' || /answer$/i.test(a.name))) return undefined;
  if (kind === 'password' && (isSaltedDigest(v) || isRsaBlock(v))) return undefined;
  // Google's app password (16 random letters, shown in four groups): generated, whatever its two kinds of character.
  if (kind === 'password' && isGoogleAppPassword(v)) return { kind, tier: 'entropy' };
  // Sample words in leetspeak (`MySuperS3cretPassw0rd`) pass an entropy test: a chosen password at most.
  if (isHighEntropy(v, kind) && !looksLikeIdentifier(v) && !isSamplePassword(v) && !isWordyPassword(v) && !isSeparatedPhrase(v) && !(kind !== 'password' && isShortLabel(v)))
    return { kind, tier: 'entropy' };
  if (kind === 'password' && isPasswordLiteral(a, line)) return { kind, tier: 'password' };
  return undefined;
}

const ILLUSTRATIVE_COMMENT = /^[^#]*?(?:^|\s)(?:#|\/\/)\s*.{0,80}?\b(?:example|placeholder|dummy|fake|will\s+(?:be\s+)?differ(?:ent)?|yours\s+will|replace\s+(?:it|this|with))/i;

/**
 * A comment after the value that says it is an illustration: a guide's `PresharedKey = 8cLa…= # PresharedKey
 * will be different`, `api_key = … // example, use your own`. Only read for a value judged a credential.
 */
function commentSaysIllustrative(value: string, line: string): boolean {
  const at = line.indexOf(value);
  if (at < 0) return false;
  const rest = line.slice(at + value.length, at + value.length + 200);
  return (rest.includes('#') || rest.includes('//')) && ILLUSTRATIVE_COMMENT.test(rest);
}

/** Lockfiles, checksum lists and source maps: integrity hashes and URLs, never hand-written credentials. */
export function isGeneratedDataFile(path: string): boolean {
  return /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|go\.sum|[^/]*\.lock|[^/]*\.map)$/i.test(
    path,
  );
}

/** An assignment with its verdict, as both generic rules need it. */
export interface JudgedAssignment {
  assignment: Assignment;
  verdict: Verdict;
}

/**
 * Every credential name (secret-names.ts) contains one of these: assignments are looked for only there.
 * `pat` ends its word (`GH_PAT`, `adoPat`), so `path` and `pattern` cost nothing.
 */
const CREDENTIAL_WORD = /pass|pw|secret|token|key|auth|cred|psk|contrase|senha|mdp|pat(?![a-z])|erlang[._-]?cookie|(?:logged_in|nonce)_salt/gi;

// The two generic rules look at many of the same lines: find and judge each stretch once. Keyed by the
// segment's start and length, as one number below 64 MB (no string built per line).
interface FileTraits {
  statements: readonly StatementForm[];
  /** A dotenv file, not an example of one (DOTENV). */
  dotenv: boolean;
  /** `'…'` holds one character (CHAR_QUOTES). */
  charQuotes: boolean;
  /** Source code, where an unquoted word is a name (a variable, a constant), never a literal. */
  code: boolean;
  openApi: () => boolean;
  /** Anchor's workspace file, whose `[programs.<cluster>]` tables list program ids (public keys). */
  anchor: boolean;
}
let judgedCache: ({ text: string; path: string; bySegment: Map<number | string, JudgedAssignment[]> } & FileTraits) | undefined;
/** An OpenAPI or Swagger document, by its name or its first key. */
const isOpenApi = (path: string, text: string): boolean =>
  /(?:^|\/)[^/]*(?:openapi|swagger)[^/]*\.(?:ya?ml|json)$/i.test(path) || /^[ \t{]*["']?(?:openapi|swagger)["']?[ \t]*:/m.test(text.slice(0, 4000));

function once(f: () => boolean): () => boolean {
  let v: boolean | undefined;
  return () => (v ??= f());
}

/**
 * Inside an `example:`/`examples:` block of an API description (a sample response's `token: 9023e2…`): the
 * block is the nearest less-indented line above, and so on up to the document's top level.
 */
function inExampleBlock(whole: string, pos: number): boolean {
  let start = whole.lastIndexOf('\n', pos - 1) + 1;
  const EXAMPLE = /^[ \t]*-?[ \t]*["']?(?:x-)?examples?["']?[ \t]*:/;
  if (/["']?(?:x-)?examples?["']?[ \t]*:[ \t]*[{[]/.test(whole.slice(start, pos))) return true;
  let indent = /^[ \t]*/.exec(whole.slice(start, pos))![0].length;
  for (let n = 0; n < 60 && start > 0 && indent > 0; n++) {
    const end = start - 1;
    start = whole.lastIndexOf('\n', end - 1) + 1;
    const line = whole.slice(start, end);
    const ind = /^[ \t]*/.exec(line)![0].length;
    if (ind === line.length || ind >= indent) continue;
    if (EXAMPLE.test(line)) return true;
    indent = ind;
  }
  return false;
}
/** Languages where `'…'` holds one character (C, C++, Objective-C, C#, Java, Go, Rust, Kotlin, Scala, Swift): a longer one is no string. */
const CHAR_QUOTES = /\.(?:c|h|cc|cpp|cxx|hpp|hh|hxx|m|mm|cs|java|go|rs|kt|kts|scala|swift)$/i;
/**
 * Documents whose links are published to every reader: web pages, feeds, e-mails, SVG, and the page templates
 * that render web pages (Twig, ERB, Blade, Jinja, Handlebars, EJS, Razor, Liquid): a `<script src="…?apiKey=…">`
 * there is in every page served.
 */
const PUBLISHED_DOCUMENT =
  /\.(?:html?|xhtml|shtml|xml|atom|rss|eml|mbox|svg|webarchive|mhtml?|md|mdx|markdown|rst|twig|erb|blade\.php|jinja2?|j2|njk|hbs|handlebars|mustache|ejs|cshtml|razor|liquid|tpl)$/i;
/**
 * A query parameter (`?token=…`, `&midToken=…`) of a URL in an `href`/`src` attribute of a published document:
 * a feed's `<iframe src='https://www.blogger.com/video.g?token=…'>`, a newsletter's tracking link. Read
 * within the 2 KB before the name.
 */
function inPublishedLink(path: string, text: string, valueStart: number, name: string): boolean {
  if (!PUBLISHED_DOCUMENT.test(path)) return false;
  const nameAt = text.lastIndexOf(name, valueStart);
  if (nameAt < 1) return false;
  // Inside the URL's query (after its `?`, whatever comes between: `&amp;`, a percent-escape), in an attribute
  // whose quote may be escaped too (a feed's `src=&#39;https://…&#39;`). Markdown's own links are not read so:
  // only an HTML attribute in it.
  const before = text.slice(Math.max(0, nameAt - 2048), nameAt);
  return /(?:href|src|action|data-src|url)\s*=\s*(?:\\?["']|&quot;|&#3[49];|&apos;)?[a-z][\w+.-]*:\/\/[^\s"'<>?]*\?[^\s"'<>]*$/i.test(before);
}

const ANTI_FORGERY_COMMENT = /(?:\/\/|#|\/\*|<!--)[^\n]{0,60}\b(?:csrf|xsrf|anti-?forgery|authenticity)\b/i;
/** Source files whose unquoted words are names (Python, JavaScript, the JVM, .NET, Go, Ruby, PHP, Swift, Rust, C). */
const CODE_FILES = /\.(?:py|js|jsx|mjs|cjs|ts|tsx|java|kt|kts|scala|groovy|cs|vb|go|rb|php|swift|rs|cpp|cc|c|h|hpp|m|mm|dart)$/i;
/**
 * A name as people write them: words of up to 12 characters joined by `_` (`path_user1_RrWw`,
 * `CROWDIN_APIv2_PAT`). A generated token may be an identifier too (base64url without `-`), but its runs
 * are longer: one unquoted in a code file is a YAML example inside a docstring, not a name.
 */
function isNamed(v: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(v) && /[_$]/.test(v) && v.split(/[_$]+/).every((w) => w.length <= 12);
}
/**
 * Names and numbers joined by arithmetic (`msg+len-AFP_VOLPASS_LEN`, C's pointer into a buffer): an
 * expression. Each operand is written as people write names (one case, snake or camel), not a random run.
 */
function isArithmetic(v: string): boolean {
  const operands = v.split(/[+*/%-]|->/);
  return operands.length >= 2 && /[A-Za-z]/.test(v) && operands.every((o) => /^(?:[a-z_][a-z\d_]*|[A-Z_][A-Z\d_]*|[a-z]+(?:[A-Z][a-z\d]*)+|\d+)$/.test(o));
}
/** A member access (`localBootstrap2.identityKeys.curve25519`, `config.auth.apiKey`): names joined by dots. */
function isMemberChain(v: string): boolean {
  const parts = v.split('.');
  return parts.length >= 2 && parts.every((p) => /^[A-Za-z_$][\w$]*$/.test(p) && looksLikeIdentifier(p));
}
/**
 * The end of `before` (a line up to a value) is code: not inside a string literal (`"host: db\npassword: …"`
 * embeds a file) and not after a comment marker (prose).
 */
function inCode(before: string): boolean {
  let quote = 0;
  for (let i = 0; i < before.length; i++) {
    const c = before.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92 /* \ */) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 || c === 39 || c === 96) quote = c;
    else if (c === 35 /* # */ || (c === 47 && (before.charCodeAt(i + 1) === 47 || before.charCodeAt(i + 1) === 42))) return false;
  }
  return quote === 0 && !/^\s*\*/.test(before);
}
const SPAN = 67_108_864;

const NONE: JudgedAssignment[] = [];

/** Judged assignments of every segment of `file` (cached for the file being scanned). */
export function judgedAssignments(file: FileView): JudgedAssignment[] {
  if (!judgedCache || judgedCache.text !== file.text || judgedCache.path !== file.path)
    judgedCache = {
      text: file.text,
      path: file.path,
      statements: statementsFor(file.path),
      charQuotes: CHAR_QUOTES.test(file.path),
      code: CODE_FILES.test(file.path),
      dotenv: DOTENV.test(file.path) && !DOTENV_EXAMPLE.test(file.path.slice(file.path.lastIndexOf('/') + 1)),
      // Asked only once an assignment is judged a secret: testing every file's head cost ~3 % of a scan.
      openApi: once(() => isOpenApi(file.path, file.text)),
      anchor: /(?:^|\/)Anchor\.toml$/.test(file.path),
      bySegment: new Map(),
    };
  const cache = judgedCache;
  let out: JudgedAssignment[] | undefined;
  for (const seg of file.segments) {
    const key = seg.offset < SPAN && seg.text.length < SPAN ? seg.offset * SPAN + seg.text.length : `${seg.offset}:${seg.text.length}`;
    let judged = cache.bySegment.get(key);
    if (!judged) {
      judged = judgeSegment(seg.text, seg.offset, file.text, cache);
      cache.bySegment.set(key, judged);
    }
    // Loops, not spreads: this runs on every line the generic rules see, much of it before it is compiled.
    if (judged.length) {
      out ??= [];
      for (let i = 0; i < judged.length; i++) out.push(judged[i]!);
    }
  }
  return out ?? NONE;
}

/** Every assignment form in one segment, judged; the text after it is read for values on the next lines. */
function judgeSegment(text: string, offset: number, whole: string, { statements, charQuotes, code, dotenv, openApi, anchor }: FileTraits): JudgedAssignment[] {
  const segEnd = offset + text.length;
  const following = whole.slice(segEnd, segEnd + 1200);
  const found = findAssignments(text, offset, CREDENTIAL_WORD, statements);
  for (const more of [
    findMultilineXml(text, following, segEnd),
    findYamlBlockScalar(text, following, segEnd),
    findSecretMapChildren(text, following, segEnd),
    findTerraformDefault(text, following, segEnd),
    findNameValuePair(text, following, segEnd),
    findWrappedValue(text, following, segEnd),
  ]) {
    for (let i = 0; i < more.length; i++) found.push(more[i]!);
  }
  if (found.length === 0) return NONE;
  const judged: JudgedAssignment[] = [];
  for (let a of found) {
    // `api_key = 'm{{h}o…'` in C or C#: a character literal that no compiler takes, not a string; unless
    // inside a string (SQL in Java: `"ALTER USER app IDENTIFIED BY '…'"`).
    if (charQuotes && a.quote === "'" && a.value.length > 2 && (text.slice(0, a.start - offset).split('"').length & 1) === 1) continue;
    // A Python test's `PathOrToken` set from a variable, a TypeScript `token:` from a constant: in source code an unquoted word
    // is a variable or a constant, whatever its letters; the literal is wherever that is set. Not in a comment.
    if (
      code &&
      !a.quote &&
      a.form === 'assign' &&
      (isNamed(a.value) || isArithmetic(a.value) || isMemberChain(a.value)) &&
      inCode(text.slice(text.lastIndexOf('\n', a.start - offset - 1) + 1, a.start - offset))
    )
      continue;
    // `token = ' iahNbq…Gyfq '`: a quoted value padded with blanks is judged without them.
    if (a.quote && a.quote !== '>' && (a.op === '=' || a.op === ':') && (a.value.charCodeAt(0) === 32 || a.value.charCodeAt(a.value.length - 1) === 32)) {
      const v = a.value.trim();
      if (v && !/\s/.test(v)) {
        const lead = a.value.indexOf(v);
        a = { ...a, value: v, start: a.start + lead, end: a.start + lead + v.length };
      }
    }
    const verdict = judgeAssignment(a, text, a.start - offset) ?? (dotenv ? dotenvWordPassword(a) : undefined);
    // An API description's example values document a response; they are not the service's own.
    if (
      verdict &&
      !(openApi() && inExampleBlock(whole, a.start)) &&
      !isKmsCiphertext(whole, a.start) &&
      !isCertificateThumbprint(a.value, whole, a.end) &&
      !copiesAnIdentifier(a.value, whole, a.start) &&
      !derivedOrPublicByNeighbours(a, whole) &&
      !(anchor && /^\[programs\.[\w-]+\][^[]*$/m.test(whole.slice(whole.lastIndexOf('\n[', a.start) + 1, a.start)))
    )
      judged.push({ assignment: a, verdict });
  }
  return judged.length ? judged : NONE;
}

/** A dotenv file: `.env`, `.env.production`, `app.env`. */
const DOTENV = /(?:^|\/)(?:\.env(?:\.[\w-]+)?|[\w.-]+\.env)$/i;
/** Its example, template or defaults (`.env.example`, `.env.dist`, `sample.env`): stand-ins by purpose. */
const DOTENV_EXAMPLE = /(?:^|[._-])(?:example|sample|template|dist|defaults?|tpl|schema|test)(?:$|[._-])/i;

/**
 * A single word under a password variable of a dotenv file (`DB_PASSWORD=whiteduke`). Elsewhere one word is
 * judged too plain to claim (a label, an enum, a translation: isPasswordLiteral), but a dotenv file holds
 * configuration only: the word is the password. Not a placeholder, and not a default that repeats a word of
 * its own name (`POSTGRES_PASSWORD=postgres`, `RABBITMQ_PASS=rabbitmq`).
 */
function dotenvWordPassword(a: Assignment): Verdict | undefined {
  if (a.form !== 'assign' || a.op !== '=' || !/^[A-Z][A-Z0-9_]*(?:PASS|PASSWORD|PASSWD|PWD)$/.test(a.name)) return undefined;
  const v = a.value;
  if (!/^(?:[a-z]{6,32}|[A-Z][a-z]{5,31})$/.test(v) || isPlaceholderPassword(v)) return undefined;
  const lower = v.toLowerCase();
  if (
    a.name
      .toLowerCase()
      .split('_')
      .some((w) => w.length >= 3 && (lower.includes(w) || w.includes(lower)))
  )
    return undefined;
  return { kind: 'password', tier: 'password' };
}

/**
 * A certificate's SHA-1 thumbprint given where a secret could go, typed as one in the lines after it
 * (IdentityServer's `new Secret("5D9E…", "mtls.test") { Type = SecretTypes.X509CertificateThumbprint }`):
 * it names a public certificate.
 */
function isCertificateThumbprint(value: string, whole: string, end: number): boolean {
  return /^[0-9A-Fa-f]{40}$/.test(value) && /Thumbprint/.test(whole.slice(end, end + 200));
}

/**
 * An `appKey` beside its `appSecret` (DingTalk, Taobao, Umeng, Apache ShenYu …): the pair is an id and its
 * secret, and the secret is what is reported. Laravel's `APP_KEY`, an encryption key, has no such sibling.
 */
function isPairedAppKey(name: string, text: string, at: number): boolean {
  if (!/^app[_-]?key$/i.test(name)) return false;
  return /\bapp[_-]?secret\b/i.test(text.slice(Math.max(0, at - 300), at + 300));
}

/**
 * A write key among an analytics plugin's options (Gatsby's `resolve: 'gatsby-plugin-segment-js'` with
 * `prodKey`/`devKey`, `analytics.load("…")`): Segment's and its peers' ingestion keys ship in every page.
 */
function isAnalyticsPluginKey(name: string, text: string, at: number): boolean {
  if (!/key$/i.test(name) || /secret|private|admin|personal/i.test(name)) return false;
  return /resolve[ \t]*:[ \t]*['"][^'"]*(?:segment|rudder|mixpanel|posthog|amplitude)[^'"]*['"]|analytics\.load\(/i.test(text.slice(Math.max(0, at - 300), at));
}

/**
 * Cloud Build's encrypted secrets: `secrets: - kmsKeyName: …/cryptoKeys/k` with `secretEnv: {NAME: <base64
 * ciphertext>}` (and `availableSecrets.inline`'s `envMap`). The value is ciphertext that only the named KMS
 * key decrypts, committed on purpose.
 */
function isKmsCiphertext(whole: string, at: number): boolean {
  let end = whole.lastIndexOf('\n', at - 1);
  let underMap = false;
  for (let n = 0; n < 12 && end > 0; n++) {
    const start = whole.lastIndexOf('\n', end - 1) + 1;
    const line = whole.slice(start, end);
    if (/^[ \t]*(?:secretEnv|envMap)[ \t]*:[ \t]*$/.test(line)) underMap = true;
    else if (underMap && /^[ \t]*(?:-[ \t]+)?kmsKeyName[ \t]*:/.test(line)) return true;
    end = start - 1;
  }
  return false;
}

/**
 * A bare `token` (`TOKEN1`, `self.chall.token`, `challenge_token`) where the file is about ACME challenges
 * (RFC 8555: `http-01` serves the token at `/.well-known/acme-challenge/<token>`, `dns-01` publishes a
 * digest of it in DNS): a certificate authority's or client's test data, public by the protocol.
 */
function isAcmeChallengeToken(name: string, path: string, text: string, at: number): boolean {
  if (!/(?:^|[._])(?:token\d*|challenge[_-]?token|key[_-]?authorization)$/i.test(name)) return false;
  const near = text.slice(Math.max(0, at - 3000), at + 500);
  return (/acme/i.test(path) || /\bacme\b|acme[_-]?challenge/i.test(near)) && /challenge|\bchall\b|http-01|dns-01|tls-alpn-01/i.test(/acme/i.test(path) ? path + near : near);
}

/** The findings of one generic rule: assignments judged at `tier`, at most `max` per file. */
export function genericFindings(file: FileView, tier: Verdict['tier'], max: number, message: (j: JudgedAssignment) => string): RawFinding[] {
  const out: RawFinding[] = [];
  const seen = new Set<number>();
  // Docusaurus's `themeConfig.algolia.apiKey` is a DocSearch key, search-only by construction (algolia-api-key).
  // A documentation site's DocSearch (Algolia) key, search-only and public by design: Docusaurus, VitePress, VuePress.
  const docSearch = /(?:^|\/)(?:docusaurus\.config|\.vitepress\/config|\.vuepress\/config)\.[cm]?[jt]s$/.test(file.path);
  for (const j of judgedAssignments(file)) {
    const a = j.assignment;
    if (
      j.verdict.tier !== tier ||
      seen.has(a.start) ||
      (/^api_?key$/i.test(a.name) && (docSearch || isDocSearchKey(file.path, file.text, a.start))) ||
      (/algolia/i.test(a.name) && onAlgoliaSearchHost(file.text, a.start)) ||
      isAnalyticsPluginKey(a.name, file.text, a.start) ||
      isPairedAppKey(a.name, file.text, a.start)
    )
      continue;
    seen.add(a.start);
    if (out.length >= max) break;
    const linked = inPublishedLink(file.path, file.text, a.start, a.name);
    const why = linked
      ? ' (a parameter of a link in a published page, feed or e-mail: a tracking or embed handle as often as a credential).'
      : isAcmeChallengeToken(a.name, file.path, file.text, a.start)
        ? ' (an ACME challenge token, as the code around it says: the protocol publishes it at a well-known URL or in DNS, so it opens nothing).'
        : undefined;
    out.push({
      start: a.start,
      end: a.end,
      secret: a.value,
      message: why ? `${message(j).replace(/\.$/, '')}${why}` : message(j),
      ...(why ? { confidence: 'low' as const } : {}),
    });
  }
  return out;
}
