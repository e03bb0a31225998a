import type { FileView, RawFinding, Rule } from '../../rule.js';
import { SECRET_CONTROLS } from './define.js';
import { isPlaceholder } from '../../placeholder.js';
import { decodeBase64 } from './lib/base64.js';
import { isNonSecretDatum, isPlaceholderPassword, isTemplated, namesItself, spellsItsName } from './lib/credential-values.js';
import { percentDecode } from './lib/url-credentials.js';
import { classifySecretName } from './lib/secret-names.js';
import { isHighEntropy } from './lib/assignment-verdict.js';
import { isCamelCaseWords } from './lib/placeholder-guard.js';
import { shannonEntropy, charClasses } from '../../entropy.js';

const MAY_BE_SECRET = /kind["']?[ \t]*:[ \t]*["']?secret/i;
const KIND_SECRET = /^[ \t]*["']?kind["']?[ \t]*:[ \t]*["']?secret["']?[ \t]*(?:#.*)?$/im;
const BLOCK_START = /^([ \t]*)(data|stringData)[ \t]*:[ \t]*(?:#.*)?$/;
const ENTRY = /^([ \t]*)(["']?)([^\s:"'#][^:"']{0,252}?)\2[ \t]*:(?:[ \t]+(.*))?$/;
const BLOCK_SCALAR = /^[|>][-+]?\d?$/;
// Keys whose values are identifiers or public material, not secrets (a bootstrap token Secret's `auth-extra-groups`,
// `usage-bootstrap-signing` and `expiration` beside its one secret, `token-secret`).
const NOT_SECRET_KEY =
  /^(?:url|uri|ca\.crt|ca\.pem|ca[-_]?bundle(?:\.crt|\.pem)?|tls\.crt|[\w.-]*\.(?:crt|cer|pub)|(?:[\w.-]*[._-])?(?:username|user|user[-_]?name|login|email|host|hostname|server|port|database|db|db[-_]?name|dbname|schema|namespace|region|zone|endpoint|name|id|client[-_]?id|app[-_]?id|tenant[-_]?id|key[-_]?id|account[-_]?id|project(?:[-_]?id)?|bucket|domain|cluster|environment|env|version|timeout|sslmode|protocol|groups?|expiration|description)|usage-bootstrap-[\w-]+)$/i;

interface Entry {
  key: string;
  mode: 'data' | 'stringData';
  value: string;
  /** Offset of the value (or of the first line of a block scalar) in the file. */
  start: number;
  end: number;
}

const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;

/** The flat `key: value` entries under `data:` / `stringData:` of one YAML document. */
function entries(doc: string, base: number): Entry[] {
  const out: Entry[] = [];
  const lines = doc.split('\n');
  let offset = base;
  let block: { indent: number; mode: Entry['mode']; child?: number } | undefined;
  let scalar: Entry | undefined;
  for (const rawLine of lines) {
    const line = rawLine.replace(/\r$/, '');
    const lineStart = offset;
    offset += rawLine.length + 1;
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const indent = indentOf(line);
    if (block && indent <= block.indent) block = undefined;
    if (!block) {
      scalar = undefined;
      const b = BLOCK_START.exec(line);
      if (b) block = { indent: b[1]!.length, mode: b[2] as Entry['mode'] };
      continue;
    }
    block.child ??= indent;
    if (indent > block.child) {
      // Continuation of a block scalar (`key: |`); nested maps are not Secret data.
      if (scalar) {
        if (scalar.start < 0) scalar.start = lineStart + indent;
        scalar.value += (scalar.value ? (scalar.mode === 'data' ? '' : '\n') : '') + trimmed;
        scalar.end = lineStart + line.length;
      }
      continue;
    }
    scalar = undefined;
    const e = ENTRY.exec(line);
    if (!e || indent !== block.child) continue;
    const key = e[3]!.trim();
    // A comment, after a value or in place of one (`secret-key: ## output of openssl rand …`).
    const rest = (e[4] ?? '').replace(/(?:^|\s+)#.*$/, '').trim();
    if (BLOCK_SCALAR.test(rest)) {
      scalar = { key, mode: block.mode, value: '', start: -1, end: -1 };
      out.push(scalar);
      continue;
    }
    const quoted = /^(["']).*\1$/.test(rest);
    const value = quoted ? rest.slice(1, -1) : rest;
    const at = lineStart + line.indexOf(rest, e[1]!.length + e[3]!.length) + (quoted ? 1 : 0);
    out.push({ key, mode: block.mode, value, start: at, end: at + value.length });
  }
  return out.filter((x) => x.start >= 0);
}

// Keys that name a credential or a credential file, beyond what `classifySecretName` reads as one:
// the well-known Secret types' keys (`.dockerconfigjson`, `tls.key`, `ssh-privatekey`) and file names.
const SECRET_KEY =
  /(?:^|[._-])(?:passw(?:or)?d|passwd|pwd|pass|secret|token|apikey|api[_-]key|key|private|privatekey|credentials?|creds|auth|htpasswd|dockerconfigjson|dockercfg|jks|keystore|truststore|p12|pfx|pem|dsn|connection[_-]?string|database[_-]?url|db[_-]?url|redis[_-]?url|mongo(?:db)?[_-]?ur[il]|amqp[_-]?url|webhook|signing|salt|pin|cookie|session|otp|seed|mnemonic|id_rsa|id_ed25519|id_ecdsa)(?:$|[._-])/i;

// Scripts and markup; not configuration formats, which are credential files as often as not
// (`1password-credentials.json`, `credentials.yaml`, `my.cnf`).
const DOCUMENT_FILE = /\.(?:sql|sh|bash|py|rb|js|ts|lua|md|tpl|tmpl|html?|css|csv)$/i;

/** Decoded content that is a credential whatever its key says: armoured keys, URLs with a password, random tokens. */
function looksSecret(text: string): boolean {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY/.test(text)) return true;
  if (/^[a-z][\w+.-]*:\/\/[^\s:@/]+:[^\s@/]+@/i.test(text)) return true;
  const t = text.trim();
  return t.length >= 20 && !/\s/.test(t) && shannonEntropy(t) >= 3.5 && charClasses(t) >= 3;
}

/**
 * A key that holds a credential, by its name or, for neutral names, by what it holds: a random token, not a
 * path of words (`SOL_TOPIC: "#share/consumer_group/…"`, which the entropy of its punctuation alone would pass).
 */
function isSecretBearing(key: string, text: string): boolean {
  if (NOT_SECRET_KEY.test(key) || DERIVED_KEY.test(key)) return false;
  if (SECRET_KEY.test(key) || classifySecretName(key) !== undefined) return true;
  // Under a neutral name, an address without credentials in it (restic's `RESTIC_REPOSITORY: s3:http://minio/bucket`,
  // a webhook's endpoint) is configuration kept beside the credentials, not one.
  if (/^(?:[a-z][\w-]*:)?[a-z][\w+.-]*:\/\/[^\s@]+$/i.test(text.trim()) && !/[?&][\w.-]*(?:token|key|secret|sig|signature|password|pass|auth|code)[\w.-]*=/i.test(text)) return false;
  return looksSecret(text) && (/^[{[]|\n|-----BEGIN|:\/\//.test(text) || isHighEntropy(text.trim(), 'secret'));
}

/** A key that names what was derived from a secret (`ed25519Hash`, `password_hash`, `admin-digest`): one-way, not the secret. */
const DERIVED_KEY = /(?:^|[._-]|[a-z0-9])(?:[Hh]ash|HASH|[Dd]igest|DIGEST|[Cc]hecksum|CHECKSUM|[Ff]ingerprint|FINGERPRINT)$/;

/**
 * Words and numbers joined by dashes or underscores (`my-custom-api-key-at-least-32-chars`, `hello-world`): a
 * value a person wrote to say what goes there. Most pieces are words; a generated value has no vowels' rhythm.
 */
function isWordChain(text: string): boolean {
  const parts = text.split(/[-_]/);
  if (parts.length < 2 || parts.length > 12 || parts.some((p) => !/^[A-Za-z0-9]{1,12}$/.test(p))) return false;
  const words = parts.filter((p) => /^[A-Za-z]{2,12}$/.test(p) && /[aeiouy]/i.test(p)).length;
  const numbers = parts.filter((p) => /^\d{1,4}$/.test(p)).length;
  return words >= 2 && words + numbers === parts.length && numbers <= 2;
}

// A configuration file under the key (`auth.yml`, `settings.json`, `app.conf`): a credential file only when it
// holds one, since the other rules read its lines anyway (VictoriaMetrics' vmauth `auth.yml` of URL maps).
const CONFIG_FILE = /\.(?:ya?ml|json|conf|cfg|ini|toml|properties|xml)$/i;
const CONFIG_LINE = /^[ \t]*-?[ \t]*["']?(?<k>[\w.-]{1,80})["']?[ \t]*[:=][ \t]*["']?(?<v>[^\s"'#,]{1,400})/;
function configHoldsCredential(text: string): boolean {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY|[a-z][\w+.-]*:\/\/[^\s:@/]+:[^\s@/]+@/i.test(text)) return true;
  for (const line of text.split('\n')) {
    const m = CONFIG_LINE.exec(line);
    if (!m) continue;
    const v = m.groups!.v!;
    // A URL (its password, if any, was looked for above) or a path is an address, not a token.
    if (/^[a-z][\w+.-]*:\/\/|^\//i.test(v)) continue;
    if (classifySecretName(m.groups!.k!) !== undefined && v.length >= 4 && !isTemplated(v) && !isPlaceholderPassword(v) && !isPlaceholder(v, false)) return true;
    if (looksSecret(v) && isHighEntropy(v, 'secret')) return true;
  }
  return false;
}

/**
 * `high` for a credential, `low` for a short human-chosen password (`Winter2024`, as generic-password
 * grades it: often a demo default in docs), `undefined` when the entry holds no credential: empty,
 * templated, a placeholder (`password`, `mypassword`, `changeme`) or the key's own name (`redis-password:
 * redis`).
 */
function gradeValue(e: Entry): 'high' | 'low' | undefined {
  const v = e.value.trim();
  if (!v || v === '""' || v === "''" || isTemplated(v) || /^[{[]/.test(v)) return undefined;
  if (NOT_SECRET_KEY.test(e.key)) return undefined;
  let text = v;
  if (e.mode === 'data') {
    // `data` values are base64; very short ones (`YmFyCg==`) are flags and names, not credentials.
    const compact = v.replace(/\s+/g, '');
    if (compact.length < 10) return undefined;
    // Not base64 at all (`JSON_FILE_BASE64_ENCODED`, `<base64 of your key>`): a stand-in for the value.
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || (/^[A-Z][A-Z0-9_]+$/.test(compact) && namesItself(compact))) return undefined;
    const buf = decodeBase64(compact);
    if (!buf || buf.length === 0) return undefined;
    text = buf.toString('utf8').trim();
    if (!text || /^-----BEGIN (?:CERTIFICATE|PUBLIC KEY|X509 CRL)/.test(text)) return undefined;
    // A private key's PEM on one line: private-key reports it, as the key it is (one leak, one finding).
    if (e.end - e.start === e.value.length && compact === v && /^-----BEGIN [A-Z0-9 ]{0,20}PRIVATE KEY-----/.test(text)) return undefined;
  } else {
    if (v.length < 4 || isPlaceholder(v, false)) return undefined;
    // A private key in plain text is private-key's finding (which also judges its body): one leak, one finding.
    if (/^-----BEGIN [A-Z0-9 ]{0,20}PRIVATE KEY-----/.test(v)) return undefined;
  }
  if (!isSecretBearing(e.key, text)) return undefined;
  // A script or document shipped as a file (`secret.sql: |` holding `create table secrets …`): what it says
  // is judged line by line by the other rules, which read it here (or decoded, from `data:`); the file as a
  // whole is a credential only when its name says it is one (`.env`, `.pgpass`, `tls.key`, `credentials`).
  if (DOCUMENT_FILE.test(e.key) && /\n/.test(text.trim())) return undefined;
  if (CONFIG_FILE.test(e.key) && !text.startsWith('{') && /\n/.test(text.trim()) && !configHoldsCredential(text)) return undefined;
  // Some other datum (a flag, a date, a plain URL, a password hash, an htpasswd line), or JSON holding no credential.
  if (!/^[a-z][\w+.-]*:\/\/[^\s:@/]+:[^\s@/]+@/i.test(text) && isNonSecretDatum(text)) return undefined;
  // An htpasswd file of several entries (`foo:$2y$10$…` and `qux:$apr1$…` on their own lines): hashes.
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines.length > 1 && lines.every((l) => /^[^\s:]{1,64}:/.test(l) && isNonSecretDatum(l))) return undefined;
  if (text.startsWith('{') && !jsonHoldsCredential(text)) return undefined;
  // Whole files (a .dockercfg, a config) are judged by their presence; short values by their content. A
  // long line is still a stand-in when it says so (`postgresql://user:password@host/db`, `your-…-here`).
  // A key file whose only secret is a stand-in (BIND's `key "x" { algorithm hmac-sha256; secret "base64EncodedKey=="; };`
  // in a guide's example): nothing to revoke.
  if (/\n/.test(text) && embeddedSecretsAreStandIns(text)) return undefined;
  if (/[{\n]/.test(text)) return 'high';
  if (isWordChain(text)) return undefined;
  // A URL whose password is a stand-in, however short (`postgresql://user:pass@host:5432/db`).
  if (isStandInLine(text)) return undefined;
  if (text.length > 40) return 'high';
  if (isPlaceholder(text, e.mode === 'data') || isTemplated(text) || isPlaceholderPassword(text) || spellsItsName(text, e.key)) return undefined;
  return text.length < 16 ? 'low' : 'high';
}

/** The `secret "…"` / `secret: …` statements of a multi-line value, when there are some and each holds a stand-in. */
function embeddedSecretsAreStandIns(text: string): boolean {
  const values = [...text.matchAll(/\b(?:secret|password|psk)[ \t]*[:=]?[ \t]*"([^"\n]{4,200})"/gi)].map((m) => m[1]!);
  if (values.length === 0 || /-----BEGIN/.test(text)) return false;
  return values.every((v) => isCamelCaseWords(v) || isPlaceholder(v, false) || isTemplated(v) || isPlaceholderPassword(v));
}

/** One line that is a placeholder, or a URL whose password is one. */
function isStandInLine(text: string): boolean {
  if (isPlaceholder(text, false)) return true;
  const url = /^[a-z][\w+.-]*:\/\/(?<user>[^\s:@/]*):(?<pass>[^\s@/]+)@/i.exec(text);
  return url !== null && isPlaceholderPassword(percentDecode(url.groups!.pass!), url.groups!.user);
}

/**
 * For a JSON value: does any string in it look like a credential (random, or a non-placeholder under a
 * credential-named key)? `{"bearerToken":"fake","tlsClientConfig":{"insecure":true}}` does not. Text that
 * does not parse is judged as a whole, as before.
 */
function jsonHoldsCredential(text: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return true;
  }
  const visit = (v: unknown, key: string): boolean => {
    if (typeof v === 'string') {
      const t = v.trim();
      if (!t || isTemplated(t) || isPlaceholder(t, true) || isPlaceholderPassword(t)) return false;
      return looksSecret(t) || (classifySecretName(key) !== undefined && t.length >= 8 && !isNonSecretDatum(t));
    }
    if (Array.isArray(v)) return v.some((x) => visit(x, key));
    if (v && typeof v === 'object') return Object.entries(v as Record<string, unknown>).some(([k, x]) => visit(x, k));
    return false;
  };
  return visit(doc, '');
}

/**
 * Values of a Kubernetes `Secret` manifest (`kind: Secret`) committed inline: `data:` entries (base64,
 * decoded and checked) and `stringData:` entries. Empty values, Helm/Kustomize templates, placeholders
 * and obviously non-secret keys (username, host, port, ca.crt …) are skipped; each finding points at
 * the key's line. SealedSecret, ExternalSecret and SopsSecret are different kinds and are not matched.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/kubernetes-secret',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'Kubernetes Secret manifest with inline data / stringData values',
    controls: SECRET_CONTROLS,
    remediation:
      'Secret data is only base64-encoded, not encrypted. Rotate every value in the manifest at its issuer, then commit a SealedSecret, SOPS-encrypted file or ExternalSecret reference instead.',
    revoke: {
      provider: "The systems the Secret's values belong to (databases, APIs, registries, TLS issuers)",
      url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      steps: [
        'Decode each value (`kubectl get secret … -o jsonpath` or base64 -d locally) and rotate it at the service it belongs to.',
        'Update the live Secret in every cluster from the new values, then restart the workloads that mount it.',
        'Replace the manifest with a SealedSecret / SOPS-encrypted file / ExternalSecret so no plaintext is committed again.',
      ],
    },
  },
  keywords: ['kind'],
  scope: 'file',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    for (const seg of file.segments) {
      // Most files with the keyword are code that says `kind`: one unanchored search (4× faster than
      // the line-anchored one) before splitting documents.
      if (!MAY_BE_SECRET.test(seg.text)) continue;
      // Documents are separated by `---` lines.
      const seps = [...seg.text.matchAll(/^---[ \t]*(?:#.*)?$/gm)].map((m) => m.index);
      const bounds = [0, ...seps, seg.text.length];
      for (let i = 0; i + 1 < bounds.length; i++) {
        const doc = seg.text.slice(bounds[i], bounds[i + 1]);
        if (!KIND_SECRET.test(doc)) continue;
        for (const e of entries(doc, seg.offset + bounds[i]!)) {
          const grade = gradeValue(e);
          if (!grade) continue;
          out.push({
            start: e.start,
            end: e.end,
            secret: e.value,
            message: `Kubernetes Secret ${e.mode === 'data' ? 'data (base64, not encrypted)' : 'stringData'} value \`${e.key.slice(0, 60)}\` committed in plain text.`,
            ...(grade === 'low' ? { confidence: 'low' as const } : e.mode === 'stringData' ? { confidence: 'medium' as const } : {}),
          });
        }
      }
    }
    return out;
  },
};

export default rule;
