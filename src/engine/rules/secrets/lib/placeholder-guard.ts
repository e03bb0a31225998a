/**
 * The one place every secret rule's candidates pass through before the scanner sees them:
 * - a value that is evidently a placeholder (an alphabet or digit run, a repeated character or unit, an
 *   `xxxx` mask, in any case, after the provider's prefix) is dropped, and one that is mostly such runs
 *   is graded low. Rules keep their own, format-specific checks; this makes the floor the same for all.
 * - a match inside a PEM block's body (a token prefix in a certificate's base64) is dropped, and so is one
 *   inside a SOPS-encrypted value (`ENC[AES256_GCM,data:…,iv:…,tag:…,type:str]`: ciphertext, its key elsewhere);
 * - a default that a product publishes in its example configuration (known-defaults.ts) is graded low, with
 *   the advice to replace it;
 * - a value its vendor publishes as a public client's secret (published-secrets.ts) is dropped, and so is
 *   base64 of a placeholder (`UkVQTEFDRS1XSVRILi4u`, a Kubernetes Secret's `REPLACE-WITH-…`);
 * - a value in an `example:` block of a YAML or JSON document (an OpenAPI response example) is graded low,
 *   and so is one whose comment says it is public (`# search-only API key; safe for front-end code`);
 * - one secret repeated in one file (a token pasted into 171 fixtures of one JSON file) is one finding,
 *   at its first line, whose message lists the other lines: the leak is one, and so is its fix
 *   (src/engine/repeats.ts; the scanner does the same for what it finds decoded).
 */
import type { RawFinding, Rule } from '../../../rule.js';
import { lineAt } from '../../../lines.js';
import { placeholderGrade } from '../../../placeholder.js';
import { collapseRepeats } from '../../../repeats.js';
import { isPublishedSecret } from './published-secrets.js';
import { isInExample } from './example-context.js';
import { isEncodedPlaceholder } from './encoded-placeholder.js';
import { knownDefaultOf } from './known-defaults.js';

/** The finding at low confidence, its message ending with why. */
const low = (raw: RawFinding, why: string): RawFinding => ({ ...raw, confidence: 'low', message: `${raw.message.replace(/\.$/, '')}${why}` });

export function guardPlaceholders(rule: Rule): Rule {
  return {
    ...rule,
    check(file, ctx) {
      const out: RawFinding[] = [];
      let armored: boolean | undefined;
      let sops: boolean | undefined;
      let page: boolean | undefined;
      let vectors: boolean | undefined;
      for (const raw of rule.check(file, ctx)) {
        const grade = raw.secret ? placeholderGrade(raw.secret) : undefined;
        if (raw.start !== undefined && (armored ??= file.text.includes('-----BEGIN ')) && insideArmorBody(file.text, raw.start)) continue;
        if (raw.start !== undefined && (sops ??= file.text.includes('ENC[')) && insideSopsValue(file.text, raw.start)) continue;
        if (grade === 'drop' || (raw.secret && (isPublishedSecret(raw.secret) || isCamelCaseWords(raw.secret) || isEncodedPlaceholder(raw.secret) || CONSTANT_NAME.test(raw.secret)))) continue;
        const product = raw.secret ? knownDefaultOf(raw.secret) : undefined;
        const section = raw.start !== undefined && YAML_PATH.test(file.path) ? devSection(file.text, raw.start) : undefined;
        if (grade === 'low') out.push(low(raw, ' (the value looks partly like a placeholder: check it).'));
        else if (raw.start !== undefined && isInExample(file.path, file.text, raw.start))
          out.push(low(raw, " (in an example — a document's `example` block or a comment that lists examples: check that it is not a real one)."));
        else if (section) out.push(low(raw, ` (under \`${section}:\`, a development or test environment's settings: check that no shared system uses it).`));
        else if (STORIES.test(file.path) || (raw.start !== undefined && previewProps(file.text, raw.start)))
          out.push(low(raw, " (a UI component's sample props, for a story or an e-mail preview: check that it stands for no real one)."));
        else if (SNAPSHOT.test(file.path)) out.push(low(raw, ' (in a test snapshot: the recorded output of a test, which renders fixtures; check that the test used no real one).'));
        else if (TEST_VECTORS.test(file.path) || (vectors ??= isVectorData(file.path, file.text)))
          out.push(low(raw, " (in a test-vector file: an algorithm's known-answer inputs and outputs, published with its specification)."));
        else if (APP_BUNDLED_CONFIG.test(file.path) && !(raw.start !== undefined && /secret/i.test(lineAt(file.text, raw.start))))
          out.push(
            low(
              raw,
              " (in a mobile SDK's configuration file, which the build packs into every copy of the app: a client identifier, readable by anyone who unpacks it; its client secret stays reported).",
            ),
          );
        else if (SCANNER_CONFIG.test(file.path)) out.push(low(raw, " (in a secret scanner's own configuration, where a project lists what it allows: check that it is allowed for a reason)."));
        else if (!SERVER_ONLY.test(rule.meta.id) && (page ??= isSavedWebPage(file.path, file.text)))
          out.push(low(raw, ' (in a saved copy of a web page, a test fixture: what that site serves to every visitor, not a credential of this project).'));
        else if (product) out.push(low(raw, `: it is the default that ${product} publishes in its example configuration, so anyone can use it against an install that keeps it — set your own.`));
        else if (raw.end !== undefined && /^(?:\.{3}|\u2026)/.test(file.text.slice(raw.end, raw.end + 3))) out.push(low(raw, ' (cut short with an ellipsis: a sample, or part of one).'));
        else if (raw.start !== undefined && commentSaysSample(file.text, raw.start)) out.push(low(raw, ' (a comment above calls it a sample or says to put your own in: check that it is one).'));
        else if (raw.start !== undefined && (DOC_PATH.test(file.path) || /\.toml$/i.test(file.path)) && besideStandInAddress(file.text, raw.start))
          out.push(low(raw, ' (in a usage example beside a stand-in address such as `you@example.com`: check that it is a sample too).'));
        else if (raw.start !== undefined && raw.secret && PASSWORD_RULES.test(rule.meta.id) && DOC_PATH.test(file.path) && proseStatesValue(file.text, raw.start, raw.secret))
          out.push(low(raw, " (the document's own prose gives this value above, as its example or its documented default: check that no install keeps it)."));
        else if (raw.start !== undefined && isInputHint(file.text, raw.start)) out.push(low(raw, " (a form field's placeholder text: what a user is shown as the field's format)."));
        else if (raw.start !== undefined && commentSaysPublic(file.text, raw.end ?? raw.start)) out.push(low(raw, " (its comment says it is public: check the key's permissions)."));
        else if (raw.start !== undefined && !raw.secret?.startsWith('-----') && commentSaysEncrypted(file.text, raw.start, raw.end ?? raw.start))
          out.push(low(raw, ' (a comment says the value is encrypted: check that only ciphertext is committed and that its key is not).'));
        else out.push(raw);
      }
      return out.length > 1 ? collapseRepeats(out, file) : out;
    },
  };
}

/**
 * `start` is inside a SOPS-encrypted value, `ENC[AES256_GCM,data:<ciphertext>,iv:…,tag:…,type:str]`: its data,
 * IV and tag are base64 of any length, and a rule reads an 88-character one as an Azure storage key.
 */
function insideSopsValue(text: string, start: number): boolean {
  const from = Math.max(0, start - 4096);
  const window = text.slice(from, start);
  const at = window.lastIndexOf('ENC[');
  if (at === -1) return false;
  const between = window.slice(at + 4);
  return /^[A-Z0-9_]+,/.test(between) && !/[\]\n]/.test(between);
}

/**
 * A comment after the value, on its line, that says the key is public by design (`# search-only API key;
 * safe for front-end code`, `// publishable key, safe to commit`): what the author knows about its scope,
 * reported at low confidence for a reviewer to confirm rather than as a leak.
 */
const PUBLIC_COMMENT =
  /(?:#|\/\/|\/\*|<!--|;)[^\n]{0,120}?\b(?:search[- ]only|read[- ]only public|public(?:ly)?[- ](?:key|token|api key|by design|visible)|publishable|safe (?:for|to|in) (?:the )?(?:front[- ]?end|client|browser|commit|expose|share|publish|embed)|(?:front[- ]?end|client[- ]side|browser)[- ](?:key|token|safe)|(?:hard[- ]?coded in|(?:taken|extracted|scraped|copied|lifted) from)\b[^\n]{0,60}?(?:\bplayer\b|\b(?:web )?page\b|\bsite\b|\bwebsite\b|\bweb ?app\b|\.js\b|\bjavascript\b|\bapk\b))/i;
function commentSaysPublic(text: string, end: number): boolean {
  const window = text.slice(end, Math.min(text.length, end + 300));
  const nl = window.indexOf('\n');
  const rest = nl === -1 ? window : window.slice(0, nl);
  return rest.length > 2 && PUBLIC_COMMENT.test(rest);
}

/**
 * The value is a form field's placeholder or hint (`placeholder: "gloas-f79c…"`, `placeholder="sk_live_…"`,
 * `hintText: '…'`): the format a user is shown, not a credential the code uses.
 */
const INPUT_HINT = /\b(?:placeholder|placeholderText|hintText|hint)\s*(?::|=)\s*\{?\s*["'`]$/i;
function isInputHint(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 120), start);
  return INPUT_HINT.test(before.slice(before.lastIndexOf('\n') + 1));
}

/**
 * A comment that says the value is ciphertext (`# This is encrypted`, `// encrypted with KMS`, `; ciphertext`),
 * on the line just above or after the value on its line: what Travis `secure:` values and KMS- or
 * SOPS-encrypted settings say of themselves. Not when it says the value is not, or is yet to be, encrypted.
 * A PEM block reads its own encryption header (private-key grades an encrypted key itself).
 */
const ENCRYPTED_COMMENT =
  /(?:^|#|\/\/|;|--|\/\*)[^\n]{0,60}?(?:\b(?:is|are)[ \t]+(?:already[ \t]+)?(?:[\w-]+[ \t-])?encrypted\b(?![ \t]+(?:later|on|at|before|when|if|in[ \t]+production))|\bencrypted[ \t]+(?:with|by|using|via)[ \t]|\bcipher[ -]?text\b|^[ \t]*(?:#|\/\/|;|--)[ \t]*(?:(?:kms|sops|gpg|pgp|age|vault)[ \t-])?encrypted[ \t]*(?:value|secret|key|token|password)?[ \t]*:?[ \t]*$)/i;
const NOT_ENCRYPTED = /\bnot\b|n't\b|\bun-?encrypted\b|\bnever\b|\bwill\b|\bto[ \t]+be\b|\bshould\b|\bmust\b|\bplain[ -]?text\b/i;
const COMMENT_LINE = /^[ \t]*(?:#|\/\/|;|--|\/?\*)/;
function commentSaysEncrypted(text: string, start: number, end: number): boolean {
  // Bounded windows, not a search for the line's ends: a minified line of megabytes holds many findings.
  const rest = text.slice(end, Math.min(text.length, end + 200));
  const nl = rest.indexOf('\n');
  const after = /(?:#|\/\/|;|\/\*)(?<c>[^\n]*)$/.exec(nl === -1 ? rest : rest.slice(0, nl))?.groups?.c;
  if (after !== undefined && ENCRYPTED_COMMENT.test(`#${after}`) && !NOT_ENCRYPTED.test(after)) return true;
  const from = Math.max(0, start - 400);
  const before = text.slice(from, start);
  const bol = before.lastIndexOf('\n');
  if (bol <= 0) return false;
  const prev = before.lastIndexOf('\n', bol - 1);
  // The line above starts before the window: longer than any comment this reads.
  if (prev < 0 && from > 0) return false;
  const above = before.slice(prev + 1, bol);
  if (COMMENT_LINE.test(above) && ENCRYPTED_COMMENT.test(above) && !NOT_ENCRYPTED.test(above)) return true;
  // A sibling field that says so (`- key: api_key` / `value: "…"` / `encrypted: true`, Gravitee's encrypted
  // properties; `"encrypted": true` beside `"value"` in JSON): the line above or one of the two below.
  const after2 = text
    .slice(end, Math.min(text.length, end + 240))
    .split('\n')
    .slice(1, 3);
  return [above, ...after2].some((l) => /^[ \t]*-?[ \t]*["']?(?:encrypted|isEncrypted|is_encrypted)["']?[ \t]*[:=][ \t]*(?:true|yes|"true")[ \t,]*$/i.test(l));
}

/**
 * Inside the body of a PEM block (`-----BEGIN CERTIFICATE-----` … `-----END …`): base64 of a certificate or
 * key, where a token format's prefix turns up by chance (`EAAA…` in an ML-DSA key's lines). The key
 * itself is private-key's finding, which starts at its BEGIN line, not inside.
 */
function insideArmorBody(text: string, start: number): boolean {
  const begin = text.lastIndexOf('-----BEGIN ', start);
  if (begin < 0) return false;
  const label = text.indexOf('-----', begin + 11);
  if (label < 0 || label + 5 > start) return false;
  const end = text.indexOf('-----END ', begin);
  return end > start;
}

/**
 * A comment in the lines above the value that tells the reader to put their own in (`# Replace with your
 * values`, `// fill in your credentials`, `; sample values, change them`, the Airflow chart's `# WARNING: you
 * MUST customise this value`): a template shipped with the
 * documentation's sample (certbot's DNS-plugin `.ini` files carry the plugins' README values). Graded low,
 * not dropped: someone may have followed the instruction in the committed copy.
 */
const SAMPLE_COMMENT =
  /^[ \t]*(?:#|\/\/|;|--|\/?\*)[^\n]{0,80}?\b(?:(?:replace|substitute|change|fill[ -]in|update|swap)\b[^\n]{0,24}?\b(?:with|by|to|in)?[ \t]+your(?:[ \t]+own)?\b[^\n]{0,24}?\b(?:values?|credentials?|keys?|tokens?|secrets?|passwords?|details|settings|data|info)\b|(?:sample|example|dummy|fake|demo)[ \t]+(?:values?|credentials?|keys?|tokens?|secrets?|data)\b|(?:must|should|need[ \t]+to|please)[ \t]+(?:be[ \t]+)?(?:customi[sz]e|change|replace|override)d?[ \t]+(?:this|these|it|the)\b|\bchange[ \t]+(?:this|it|me)[ \t]+(?:value|key|secret|token|password|before|in[ \t]+production)\b)/im;
const SAMPLE_REACH_LINES = 12;
const SAMPLE_REACH_CHARS = 12 * 200;

/** Rules for values a person chooses (a provider's issued token is a leak wherever a guide repeats it). */
const PASSWORD_RULES = /^secrets\/(?:generic-password|command-line-password|ado-connection-string|connection-string|basic-auth-url|curl-basic-auth)$/;

/** An address a guide puts in for the reader's own: `you@example.com`, `your-email@domain.com`. */
const STAND_IN_ADDRESS = /\b(?:you|your[\w.-]{0,12}|me|myself|someone|user(?:name)?|email)@(?:example\.(?:com|org|net)|domain\.(?:com|tld)|email\.com|yourdomain\.\w{2,4})\b/i;

/**
 * A stand-in address within the two lines either side of `at`, or an example domain in the shell command the
 * value's line belongs to (`SONIC_API_KEY=… \` then `lego run … -d example.com`): the block is a usage example.
 */
function besideStandInAddress(text: string, at: number): boolean {
  if (inExampleCommand(text, at)) return true;
  let from = at;
  for (let n = 0; n < 3 && from > 0; n++) from = text.lastIndexOf('\n', from - 1);
  let to = at;
  for (let n = 0; n < 3 && to !== -1 && to < text.length; n++) to = text.indexOf('\n', to + 1);
  return STAND_IN_ADDRESS.test(text.slice(Math.max(0, from, at - 600), to === -1 ? Math.min(text.length, at + 600) : Math.min(to, at + 600)));
}

/** The lines joined by trailing backslashes around `at` (one shell command) name an example domain. */
function inExampleCommand(text: string, at: number): boolean {
  let from = text.lastIndexOf('\n', at - 1) + 1;
  for (let n = 0; n < 15 && from > 1 && /\\[ \t]*\r?$/.test(text.slice(text.lastIndexOf('\n', from - 2) + 1, from - 1)); n++) from = text.lastIndexOf('\n', from - 2) + 1;
  let to = text.indexOf('\n', at);
  for (let n = 0; n < 15 && to !== -1 && /\\[ \t]*\r?$/.test(text.slice(text.lastIndexOf('\n', to - 1) + 1, to)); n++) to = text.indexOf('\n', to + 1);
  const command = text.slice(from, to === -1 ? text.length : to);
  // The example domain itself (`-d example.com`, `'*.example.com'`), not a host under it: `dockhand.example.com` is
  // as often the author's own host, renamed for the page, beside a token left as it was.
  return command.length <= 3000 && /\\[ \t]*\r?\n/.test(command) && /(?<![\w-]\.|[\w-])(?:(?:\*|www)\.)?example\.(?:com|org|net)\b/i.test(command);
}

/** Documents a reader follows step by step. */
const DOC_PATH = /\.(?:md|mdx|markdown|rst|adoc|asciidoc)$/i;

/**
 * A guide that states the value in its prose before its command uses it ("assuming a password of
 * `p@ssw0rd`, run: … `mysql -u dvwa -pp@ssw0rd`"): the value on a line of text, not of a code block,
 * within the lines above. In any language the guide is translated to: a line of words, whatever words.
 */
function proseStatesValue(text: string, start: number, secret: string): boolean {
  if (secret.length < 4) return false;
  const window = text.slice(Math.max(0, start - SAMPLE_REACH_CHARS), start);
  const end = window.lastIndexOf('\n');
  if (end <= 0) return false;
  for (let at = window.lastIndexOf(secret, end); at !== -1; at = at > 0 ? window.lastIndexOf(secret, at - 1) : -1) {
    const before = window.charAt(at - 1);
    const after = window.charAt(at + secret.length);
    if (/[\p{L}\p{N}_]/u.test(before) || /[\p{L}\p{N}_]/u.test(after)) continue;
    const from = window.lastIndexOf('\n', at) + 1;
    const to = window.indexOf('\n', at);
    const line = window.slice(from, to === -1 ? window.length : to);
    if (/^(?:[ \t]{4}|[ \t]*(?:```|~~~|\$ |>|[\w$-]+>))/.test(line) || /[=:][ \t]*['"`]?$/.test(window.slice(from, at))) continue;
    const words = line.replace(secret, ' ').match(/\p{L}{2,}/gu) ?? [];
    if (words.length >= 3) return true;
  }
  return false;
}

function commentSaysSample(text: string, start: number): boolean {
  // The lines above the value's own (the value's line is read by commentSaysPublic), within a bounded
  // window: searching a megabyte-long minified line for its start, once per finding, is quadratic.
  const window = text.slice(Math.max(0, start - SAMPLE_REACH_CHARS), start);
  const end = window.lastIndexOf('\n');
  if (end <= 0) return false;
  let from = end;
  for (let n = 0; n < SAMPLE_REACH_LINES && from > 0; n++) from = window.lastIndexOf('\n', from - 1);
  return SAMPLE_COMMENT.test(window.slice(from + 1, end));
}

const YAML_PATH = /\.ya?ml$/i;
const DEV_SECTIONS = new Set(['development', 'dev', 'test', 'testing', 'local']);
/**
 * The top-level key a YAML line sits under when it names a development or test environment (Rails'
 * `config/secrets.yml` and `database.yml`, a Symfony or Spring profile file: `development:` / `test:` beside a
 * `production:` that reads the environment). Read back at most 200 lines.
 */
function devSection(text: string, at: number): string | undefined {
  // Within 16 KB before the value: a minified line is no YAML document, and a search back to its start per
  // finding would cost the line's length each time.
  const from = Math.max(0, at - 16_384);
  const window = text.slice(from, at);
  let end = window.lastIndexOf('\n');
  for (let n = 0; n < 200 && end > 0; n++) {
    const start = window.lastIndexOf('\n', end - 1) + 1;
    if (start === 0 && from > 0) return undefined;
    const line = window.slice(start, end);
    end = start - 1;
    if (!line.trim() || /^[ \t#-]/.test(line)) continue;
    const key = /^([A-Za-z_][\w-]*):[ \t]*(?:#.*)?\r?$/.exec(line)?.[1];
    return key !== undefined && DEV_SECTIONS.has(key.toLowerCase()) ? key : undefined;
  }
  return undefined;
}

/** Jest's and Vitest's snapshot files (`__snapshots__/*.snap`), and Swift/Insta/Verify snapshot outputs. */
/** Test-vector data files: `nip44.vectors.json`, `testvectors.json` (a specification's known answers, as data). */
const TEST_VECTORS = /(?:^|\/)(?:[^/]*[._-])?(?:test[_-]?)?vectors?(?:[._-][^/]*)?\.(?:json|ya?ml|txt|toml)$/i;

/**
 * Known-answer data under a test folder whose records name a cipher suite (`"cipher_suite": 1` in MLS's
 * RFC 9420 interop vectors, HPKE's and COSE's), or that is mostly long hex strings: an algorithm's inputs
 * and outputs, published with it.
 */
function isVectorData(path: string, text: string): boolean {
  if (!/\.json$/i.test(path) || !/(?:^|\/)(?:tests?|__tests__|spec|[\w-]*Test|testdata|test_?data|test-data|fixtures?|resources)\//.test(path)) return false;
  if (/["'](?:cipher_?suite|ciphersuite|suite_id|kem_id)["']\s*:/i.test(text.slice(0, 2000))) return true;
  // Or hex and little else: 20 or more long hex strings, more than half the text (a protocol's serialized messages).
  const hex = text.match(/"[0-9a-f]{64,}"/g);
  return hex !== null && hex.length >= 20 && hex.reduce((n, h) => n + h.length, 0) * 2 > text.length;
}

/** Secret scanners' configuration and allowlists (gitleaks, secretlint, detect-secrets, TruffleHog, GitGuardian, ours). */
const SCANNER_CONFIG =
  /(?:^|\/)(?:\.?gitleaks\.toml|\.gitleaksignore|\.secretlintrc(?:\.(?:json|ya?ml|js|cjs))?|\.secrets\.baseline|\.trufflehogignore|\.gitguardian\.ya?ml|\.ggignore|\.tokenwarden-baseline\.json)$/;

/**
 * Configuration a vendor's build plugin packs into the app as it is (Huawei AppGallery Connect's
 * `agconnect-services.json`, like Firebase's `google-services.json`): its keys identify the app to the
 * vendor's client SDK, and every installed copy of the app carries them.
 */
const APP_BUNDLED_CONFIG = /(?:^|\/)agconnect-services(?:[._-][\w.-]*)?\.json$/;

/** An upper-case name of three words or more (`PAGERDUTY_FROM_EMAIL`, the next key taken for a value): no key is spelled so. */
const CONSTANT_NAME = /^[A-Z]{2,}(?:_[A-Z]{2,}){2,}$/;

/** Formats no web page serves: these stay as found even in a saved page. */
const SERVER_ONLY = /private-key|sas-token|secret-access-key|service-account|connection-string|storage-account-key/;

/**
 * A saved copy of a web page kept as a test's input (a recipe scraper's `tests/data/html/*.html`): an HTML
 * document under a test or fixture folder, or what a browser saved beside a page (`Page_files/analytics.js`).
 * Its scripts carry the site's beacon keys, tag-manager parameters, player licences and browser API keys,
 * which the site sends to every visitor.
 */
function isSavedWebPage(path: string, text: string): boolean {
  // The folder a browser's "Save page as" writes the page's scripts and styles to (`Recipe_files/analytics.js`).
  if (/(?:^|\/)[^/]+_files\/[^/]+\.(?:js|css|html?)$/i.test(path)) return true;
  return (
    /\.(?:html?|xhtml|testhtml)$/i.test(path) &&
    /(?:^|\/)(?:tests?|__tests__|spec|specs|fixtures?|test_?data|testdata|test-data)\//i.test(path) &&
    /^(?:\ufeff)?\s*(?:<!--[\s\S]{0,2000}?-->\s*)?<(?:!doctype\s+html|html)\b/i.test(text.slice(0, 4000))
  );
}

/** Storybook's stories: a component rendered with sample props. */
const STORIES = /\.stories\.(?:[cm]?[jt]sx?|mdx|svelte|vue)$/;

/** Inside react-email's `X.PreviewProps = { … }`, the props its preview server renders the e-mail with. */
function previewProps(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 600), start);
  const at = before.lastIndexOf('.PreviewProps');
  return at !== -1 && /^\.PreviewProps[ \t]*=[ \t]*\{[^}]*$/.test(before.slice(at));
}

const SNAPSHOT = /(?:^|\/)__snapshots__\/[^/]+\.snap$|\.(?:snap|received\.txt|verified\.(?:txt|json))$/;

/**
 * Words in camelCase or PascalCase and nothing else (`LinkedInUserInfo`, `getAccessTokenFromCache`, `RuntimeException`):
 * an identifier a keyed pattern took for a value of the same length, never a generated key.
 */
export function isCamelCaseWords(value: string): boolean {
  // Base64 padding after the words (`randomBase64Key==`, a doc's stand-in for a key), and the numbers that are
  // part of a word's name (`Base64`, `Sha256`, `Oauth2`) do not make them random.
  const v = value.replace(/={1,2}$/, '').replace(/(?<=[Bb]ase)(?:64|32|16)|(?<=[Ss]ha)(?:1|256|512)|(?<=[Oo]auth)2|(?<=[Hh]mac)(?:256|512)/g, '');
  const words = /^(?:[A-Z]?[a-z]+)(?:[A-Z][a-z]+)+$/.test(v) ? v.match(/[A-Z]?[a-z]+/g)! : undefined;
  // Two words will do when both are real-word long (`RuntimeException` after `extends`): a random value
  // is letters only, and capitalised at exactly the word breaks, about never.
  return words !== undefined && (words.length >= 3 ? v.length / words.length >= 3.5 : words.every((w) => w.length >= 4));
}
