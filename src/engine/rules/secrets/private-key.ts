import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { findArmorBlocks, isPlausibleKeyBody, parseArmoredBody } from './lib/armored-body.js';
import { decodeBase64 } from './lib/base64.js';
import { BARE_DER_KEYWORDS, findBareDerKeys } from './lib/bare-der-key.js';

// PEM (PKCS#1 RSA, DSA, SEC1 EC, PKCS#8, encrypted PKCS#8), OpenSSH and SSH2 (`---- BEGIN SSH2 …`) armour.
// The body may hold `\n` escapes, quotes and `+` of string concatenation; it is cleaned by parseArmoredBody.
const KINDS = '(?<label>(?:RSA |DSA |EC |ECDSA |OPENSSH |ENCRYPTED |SSH2 ENCRYPTED |ED25519 |)PRIVATE KEY)';
const BEGIN = new RegExp(`-{4,5}[ ]?BEGIN[ ]${KINDS}[ ]?-{4,5}`, 'g');
const END = new RegExp(`-{4,5}[ ]?END[ ]${KINDS}[ ]?-{4,5}`, 'g');
const MAX_BODY = 16384;

const LABEL: Record<string, string> = {
  'RSA ': 'RSA private key (PKCS#1)',
  'DSA ': 'DSA private key',
  'EC ': 'EC private key',
  'ECDSA ': 'ECDSA private key',
  'OPENSSH ': 'OpenSSH private key',
  'ENCRYPTED ': 'encrypted PKCS#8 private key',
  'SSH2 ENCRYPTED ': 'SSH2 private key',
  'ED25519 ': 'Ed25519 private key',
  '': 'PKCS#8 private key',
};

const shape = (s: string): string => s.replace(/[0-9]/g, '0');
// What loggers put before a message: a timestamp, a level, a source in brackets; quote markers.
const LOG_PREFIX = /^\s*(?:(?:[>|]\s?)+|(?:\[?[\w:./+-]*\d[:.]\d\d[\w:./+-]*\]?\s+)?(?:\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL)\]?:?\s+)?(?:\[[^\]]{1,40}\]\s+)?)/i;

/**
 * Remove from each body line the prefix the BEGIN line carries: the same text, or the same shape with
 * other digits (timestamps), or else a logger or quote prefix.
 */
function stripLinePrefixes(body: string, prefix: string): string {
  const want = shape(prefix);
  return body
    .split('\n')
    .map((line) => {
      const l = line.replace(/\r$/, '');
      if (l.length >= prefix.length && shape(l.slice(0, prefix.length)) === want) return l.slice(prefix.length);
      const m = LOG_PREFIX.exec(l);
      return m ? l.slice(m[0].length) : l;
    })
    .join('\n');
}

/** OpenSSH keys say in clear whether they are encrypted: after the magic `openssh-key-v1` and a NUL comes the cipher name. */
function opensshCipher(base64: string): string | undefined {
  const buf = decodeBase64(base64.slice(0, 64));
  if (!buf || buf.length < 19 || buf.toString('latin1', 0, 15) !== 'openssh-key-v1\0') return undefined;
  const len = buf.readUInt32BE(15);
  return len > 0 && len < 32 && buf.length >= 19 + len ? buf.toString('latin1', 19, 19 + len) : undefined;
}

/**
 * A private key in PEM / OpenSSH / SSH2 armour with a real base64 body (a truncated `MIIE...` or `xxx`
 * sample is not reported). Keys inside JSON strings (`"-----BEGIN PRIVATE KEY-----\nMII…\n-----END…"`,
 * e.g. a GCP service-account file) count. Passphrase-protected keys are reported at lower severity.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/private-key',
    family: 'secrets',
    severity: 'critical',
    confidence: 'high',
    description: 'Private key (PEM, PKCS#8, OpenSSH or SSH2, or bare base64 DER) committed to the repository',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'Whoever trusts the matching public key (servers, a CA, a cloud IAM account, a deploy-key setting)',
      steps: [
        'Find where the public key is trusted: authorized_keys files, deploy keys, a certificate issued for it (TLS, code signing), a cloud service-account key or a JWT/SAML signing configuration.',
        'Remove that trust: delete the deploy key / authorized_keys entry, revoke the certificate at its CA, or delete the service-account key.',
        'Generate a new key pair where it is used (never in the repository), install the new public key, and store the private key in a secret manager or HSM.',
        'Review access and signing logs since the commit; for TLS keys assume past traffic without forward secrecy is exposed.',
      ],
    },
  },
  // `LS0tLS1CRUdJTi` is `-----BEGIN ` in base64 (a Kubernetes Secret's `tls.key`, a kubeconfig's
  // `client-key-data`, a `*_B64` variable); `"kty"` starts a JSON Web Key.
  // And the fixed header of a key written as bare base64 DER (lib/bare-der-key.ts).
  keywords: ['private key', 'ls0tls1crudjt', '"kty"', ...BARE_DER_KEYWORDS],
  scope: 'file',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    for (const seg of file.segments) {
      if (seg.text.includes('LS0tLS1CRUdJTi')) out.push(...encodedKeys(seg.text, seg.offset));
      if (seg.text.includes('"kty"')) out.push(...privateJwks(seg.text, seg.offset));
      for (const k of findBareDerKeys(seg.text)) {
        out.push({
          start: seg.offset + k.start,
          end: seg.offset + k.end,
          secret: k.base64,
          message: `Unencrypted ${k.kind} committed to the repository, as bare base64 DER (no PEM armour): it decodes whole.`,
        });
      }
      for (const block of findArmorBlocks(seg.text, BEGIN, END, MAX_BODY)) {
        const kind = block.label.replace(/PRIVATE KEY$/, '');
        let body = parseArmoredBody(block.body);
        if (!body || !isPlausibleKeyBody(body.base64)) {
          // A key printed through a logger or quoted in a mail/Markdown reply: every line carries the
          // prefix the BEGIN line has (`2024-05-01T10:00:01Z `, `> `, `[pod-7] `), which is not base64.
          const lineStart = seg.text.lastIndexOf('\n', block.start) + 1;
          const prefix = seg.text.slice(lineStart, block.start);
          body = prefix.trim() ? parseArmoredBody(stripLinePrefixes(block.body, prefix)) : undefined;
          if (!body || !isPlausibleKeyBody(body.base64)) continue;
        }
        const b64 = body.base64;
        // A body whose DER header promises far more: a sample cut short (real keys of any size decode whole).
        // A short one is dropped; up to 512 characters it is low (a key pasted in part still gives part of it
        // away). Longer bodies are judged as keys whatever their header says, as made-up fixtures are.
        const truncated = b64.length < 512 && isTruncatedDer(b64);
        if (b64.length < 100 && truncated) continue;
        // Runs of one character across a body (`Sc9999…9999EGek`): a key masked for a README, or made up.
        const masked = !truncated && /(.)\1{19}/.test(b64);
        const cipher = kind === 'OPENSSH ' ? opensshCipher(b64) : undefined;
        const encrypted = kind.includes('ENCRYPTED') || /ENCRYPTED/i.test(body.headers['proc-type'] ?? '') || (cipher !== undefined && cipher !== 'none');
        // Real DER starts with a SEQUENCE (`MI…`), OpenSSH with its magic; anything else is a sample or a fake.
        const whole = derLength(b64) === 'whole';
        const magic = /^(?:MI|b3BlbnNzaC1rZXktdjE)/.test(b64) || whole || kind === 'SSH2 ENCRYPTED ' || encrypted;
        const label = LABEL[kind] ?? 'private key';
        out.push({
          start: seg.offset + block.start,
          end: seg.offset + block.end,
          secret: b64,
          message: truncated
            ? `${encrypted ? 'Passphrase-protected' : 'Unencrypted'} ${label.replace(/^encrypted /, '')} committed, cut short: its body holds less than its DER header declares (a sample, or part of a key: check it).`
            : masked
              ? `${label.charAt(0).toUpperCase()}${label.slice(1)} committed with runs of one character in its body: masked or made up for a document (check that the rest is no real key's).`
              : encrypted
                ? `Passphrase-protected ${label.replace(/^encrypted /, '')} committed: it can be brute-forced offline, so replace it and stop trusting it.`
                : `Unencrypted ${label} committed to the repository.`,
          ...(encrypted ? { severity: 'medium' as const } : {}),
          // Short is no doubt where the DER is whole (an Ed25519 or P-256 key is 64 to 170 characters).
          ...(truncated || masked ? { confidence: 'low' as const } : magic && (b64.length >= 100 || derLength(b64) === 'whole') ? {} : { confidence: 'medium' as const }),
        });
      }
    }
    return out;
  },
};

/**
 * A DER body (an outer SEQUENCE, `MI…`/`MC…`) shorter than the length its header declares: a sample cut
 * short for a test or a document (`MIIDXTCCAkWgAwIBAgIJ…=` and the END line), which no program can load.
 */
function isTruncatedDer(b64: string): boolean {
  return derLength(b64) === 'short';
}

/** How a DER body (an outer SEQUENCE) compares with the length its header declares; undefined when it is no DER. */
function derLength(b64: string): 'short' | 'whole' | 'other' | undefined {
  if (!b64.startsWith('M')) return undefined;
  const buf = Buffer.from(b64.slice(0, 8), 'base64');
  if (buf[0] !== 0x30 || buf.length < 2) return undefined;
  let len = buf[1]!;
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 3 || buf.length < 2 + n) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[2 + i]!;
    header += n;
  }
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  const decoded = (b64.length * 3) / 4 - padding;
  return decoded * 2 < header + len ? 'short' : decoded === header + len ? 'whole' : 'other';
}

/** Base64 of a PEM block (one line): `LS0tLS1CRUdJTi…` is `-----BEGIN …`. */
const ENCODED = /(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,24000}={0,2}(?![A-Za-z0-9+/=])/g;

/** Private keys written as base64 of their PEM text; a certificate or public key encoded so is not one. */
function encodedKeys(text: string, offset: number): RawFinding[] {
  const out: RawFinding[] = [];
  ENCODED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENCODED.exec(text)) !== null) {
    const pem = decodeBase64(m[0])?.toString('latin1');
    if (!pem) continue;
    for (const block of findArmorBlocks(pem, BEGIN, END, MAX_BODY)) {
      const body = parseArmoredBody(block.body);
      if (!body || !isPlausibleKeyBody(body.base64)) continue;
      const kind = block.label.replace(/PRIVATE KEY$/, '');
      const encrypted = kind.includes('ENCRYPTED') || /ENCRYPTED/i.test(body.headers['proc-type'] ?? '');
      const label = LABEL[kind] ?? 'private key';
      out.push({
        start: offset + m.index,
        end: offset + m.index + m[0].length,
        secret: body.base64,
        message: `${encrypted ? 'Passphrase-protected' : 'Unencrypted'} ${label.replace(/^encrypted /, '')} committed in base64 (its PEM text encoded, as Kubernetes Secrets and kubeconfig files hold it).`,
        ...(encrypted ? { severity: 'medium' as const } : {}),
      });
      break;
    }
  }
  return out;
}

/**
 * A JSON Web Key's private member: `d` (RSA private exponent, EC/OKP private scalar) or, for a symmetric
 * key (`"kty": "oct"`, RFC 7518 §6.4), `k`, the key itself (an HMAC or AES key).
 */
const JWK_SECRET = /"(?<member>d|k)"[ \t]*:[ \t]*"(?<d>[A-Za-z0-9_-]{20,1400})"/g;
const JWK_KTY = { d: /"kty"[ \t]*:[ \t]*"(?:RSA|EC|OKP)"/, k: /"kty"[ \t]*:[ \t]*"oct"/ } as const;

/** Private and symmetric JWKs: `{"kty": "EC", "crv": "P-256", "d": "…", …}`, `{"kty": "oct", "k": "…"}`; a public JWK has neither. */
function privateJwks(text: string, offset: number): RawFinding[] {
  const out: RawFinding[] = [];
  JWK_SECRET.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = JWK_SECRET.exec(text)) !== null) {
    const member = m.groups!.member as 'd' | 'k';
    const d = m.groups!.d!;
    if (member === 'd' && d.length < 32) continue;
    // The same JSON object: from its opening brace before the member to its closing brace after it.
    const open = text.lastIndexOf('{', m.index);
    const close = text.indexOf('}', m.index);
    if (open < 0 || close < 0 || !JWK_KTY[member].test(text.slice(open, close))) continue;
    if (new Set(d).size < 12) continue; // `AAAA…`, a run: a sample
    const start = offset + m.index + m[0].length - 1 - d.length;
    out.push({
      start,
      end: start + d.length,
      secret: d,
      message:
        member === 'd'
          ? 'Private JSON Web Key (its private member `d`) committed to the repository.'
          : 'Symmetric JSON Web Key (`kty: oct`, its key `k`) committed to the repository: it signs or decrypts.',
    });
  }
  return out;
}

export default rule;
