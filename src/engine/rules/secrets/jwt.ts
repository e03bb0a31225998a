import type { FileView, RawFinding, Rule, RuleContext } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { decodeBase64Text, decodeJsonSegment } from './lib/base64.js';
import { isPlaceholder } from '../../placeholder.js';
import { longestTrivialRun } from '../../entropy.js';
import { createHash, createHmac } from 'node:crypto';

// header.payload.signature, base64url; the header starts `{"` (eyJ). Bounded and non-nested.
const JWT =
  /(?<![A-Za-z0-9_\-+])(?<secret>(?<header>eyJ[A-Za-z0-9_-]{8,2048})={0,2}\.(?<payload>e[wy][A-Za-z0-9_-]{6,16384})={0,2}\.(?<sig>[A-Za-z0-9_-]{0,2048})={0,2})(?![A-Za-z0-9_\-+/])(?!\.[A-Za-z0-9_-])/g;

/** Claims that make an unsigned token an identity assertion rather than arbitrary base64 JSON. */
const IDENTITY_CLAIMS = new Set([
  'sub',
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'email',
  'user',
  'user_id',
  'uid',
  'username',
  'name',
  'role',
  'roles',
  'scope',
  'scp',
  'admin',
  'groups',
  'azp',
  'client_id',
  'tid',
  'oid',
]);

/**
 * The claims of a sample token, as the JWT introduction (jwt.io) and the tutorials that copy it show:
 * a subject that is a digit run (`1234567890`) or a placeholder, the placeholder person `John Doe`, or sample
 * data in place of claims (`{"hello": "World"}`).
 * Such a token is documentation; it is still reported, at low confidence.
 */
function hasSampleClaims(payload: Record<string, unknown>): boolean {
  const { sub, name } = payload;
  // Claims that are sample data and nothing else (`{"hello": "World", "iat": …}`, what a signature test signs):
  // no subject, audience or scope; no token a server would accept.
  const own = Object.keys(payload).filter((k) => !TIME_CLAIMS.has(k));
  if (own.length > 0 && own.every((k) => SAMPLE_CLAIMS.has(k.toLowerCase()) || (DATA_CLAIMS.has(k.toLowerCase()) && typeof payload[k] === 'string' && SAMPLE_VALUE.test(payload[k])))) return true;
  if (typeof sub === 'string' && ((/^\d{6,}$/.test(sub) && longestTrivialRun(sub) >= sub.length - 1) || isPlaceholder(sub, true))) return true;
  return typeof name === 'string' && /^(?:john|jane) doe$/i.test(name.trim());
}

/** SHA-256 of the signature of jwt.io's example token (HS256 over its header and claims with `your-256-bit-secret`). */
const JWT_IO_SIGNATURE_SHA256 = '051d093c4bdedbf23f905ad01d9c6111414d54e2170e1d7f76657c4e76e3e65b';

/** `typ` of JWTs that are documents, not access tokens: SD-JWT VCs, key-binding JWTs, status and client attestations, federation statements. */
const SIGNED_DOCUMENT_TYP = /(?:^|[+/])(?:(?:dc|vc)\+sd-jwt|kb\+jwt|status-assertion\+jwt|statuslist\+jwt|(?:oauth-client-|wallet-)?attestation(?:-pop)?\+jwt|entity-statement\+jwt)$/i;

const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf', 'jti']);
const SAMPLE_CLAIMS = new Set(['hello', 'foo', 'bar', 'baz', 'qux', 'test', 'some', 'example', 'lorem']);
/** Claims that carry whatever the issuer puts in them (APISIX's `key` names a consumer): sample only with a sample value. */
const DATA_CLAIMS = new Set(['data', 'payload', 'value', 'message', 'msg']);
const SAMPLE_VALUE = /^(?:test|testing|hello(?:[ ,]+world!?)?|foo|bar|baz|example|sample|lorem ipsum)$/i;

/** The claims of the token on jwt.io's front page (and in RFC-style tutorials that copy it), exactly. */
function isJwtIoExample(payload: Record<string, unknown>): boolean {
  const keys = Object.keys(payload).sort().join(',');
  return (keys === 'iat,name,sub' || keys === 'admin,iat,name,sub') && payload.sub === '1234567890' && payload.name === 'John Doe' && payload.iat === 1516239022;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * HMAC keys that documentation signs its examples with: jwt.io's debugger (`your-256-bit-secret`), API
 * Platform's Mercure hub (`!ChangeMe!`), the tutorials' `secret`, Supabase's local development and self-hosting
 * default (its `supabase-demo` anon and service-role keys, in every `.env.example` of a Supabase app). A token that verifies with one is an
 * example anyone can forge, not a credential an issuer handed out.
 */
const DEFAULT_HMAC_KEYS = [
  'your-256-bit-secret',
  'your-384-bit-secret',
  'your-512-bit-secret',
  'secret',
  '!ChangeMe!',
  'changeme',
  'your-secret-key',
  'secretkey',
  'mysecret',
  'supersecret',
  'super-secret-jwt-token-with-at-least-32-characters-long',
];

/** The default key an HS256/384/512 token is signed with, if it is one of DEFAULT_HMAC_KEYS. */
function defaultSigningKey(token: string, alg: string): string | undefined {
  const bits = /^HS(256|384|512)$/i.exec(alg)?.[1];
  if (!bits) return undefined;
  const [h, p, sig] = token.split('.');
  if (!h || !p || !sig) return undefined;
  const signed = `${h.replace(/=+$/, '')}.${p.replace(/=+$/, '')}`;
  const want = sig.replace(/=+$/, '');
  return DEFAULT_HMAC_KEYS.find((key) => createHmac(`sha${bits}`, key).update(signed).digest('base64url') === want);
}

interface Header {
  alg?: string;
  /** The media type the issuer gives the token (`JWT`, `dc+sd-jwt`, `status-assertion+jwt`). */
  typ?: string;
  /** Decoded but not strict JSON (a hand-edited header): reported with less confidence. */
  lenient: boolean;
}

function parseHeader(segment: string): Header | undefined {
  const json = decodeJsonSegment(segment);
  if (isObject(json)) return { ...(typeof json.alg === 'string' ? { alg: json.alg } : {}), ...(typeof json.typ === 'string' ? { typ: json.typ } : {}), lenient: false };
  if (json !== undefined) return undefined;
  const text = decodeBase64Text(segment, 0.85);
  if (!text || !/^\s*\{\s*"/.test(text) || !/\}\s*$/.test(text) || !/"(?:alg|typ)"/.test(text)) return undefined;
  return { alg: /"alg"\s*:\s*"([^"]*)"/.exec(text)?.[1] ?? 'unknown', lenient: true };
}

/**
 * A signed JSON Web Token: three segments, a header that decodes to JSON with an `alg` other than
 * `none`, a JSON payload and a signature of plausible length; expired tokens are reported at lower
 * severity. Unsigned tokens (`alg: none`) with identity claims are reported at low severity; two-segment
 * and look-alike tokens are not reported.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/jwt',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'Signed JSON Web Token (bearer credential) committed to the repository',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The token issuer named by the `iss` claim (identity provider, API or service)',
      steps: [
        'Decode the token locally (never on a third-party site) to read `iss`, `sub`, `aud` and `exp`.',
        "Revoke the session or refresh token at the issuer; if the token cannot be revoked and does not expire soon, rotate the issuer's signing key (which invalidates every token it signed).",
        'If the token is long-lived (a service key such as a Supabase service_role key), regenerate it in the provider console.',
        'Load tokens at run time; in tests, mint short-lived tokens with a test key or use an obviously fake one.',
      ],
    },
  },
  keywords: ['eyj'],
  scope: 'line',
  check(file: FileView, ctx: RuleContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const seg of file.segments) {
      JWT.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = JWT.exec(seg.text)) !== null) {
        const g = m.groups!;
        const header = parseHeader(g.header!);
        if (!header || header.alg === undefined) continue;
        const payload = decodeJsonSegment(g.payload!);
        if (!isObject(payload)) continue;
        const sig = g.sig!;
        // NATS's operator, account and user JWTs (`ed25519-nkey`) are public claims documents: a server
        // trusts them by their signer, and a user proves itself with its nkey seed, not with the JWT.
        // Version 1 of them says `ed25519` and carries its claims under `nats`.
        if (/^ed25519-nkey$/i.test(header.alg) || (/^ed25519$/i.test(header.alg) && isObject(payload.nats))) continue;
        if (/^none$/i.test(header.alg)) {
          // Unsigned: a credential only where a server wrongly accepts `alg: none`, and a sign that the
          // code builds or trusts such tokens. Reported low, and only with claims that say who it is for.
          if (header.lenient || !Object.keys(payload).some((k) => IDENTITY_CLAIMS.has(k))) continue;
          const start = seg.offset + m.index;
          out.push({
            start,
            end: start + g.secret!.length,
            secret: g.secret!,
            message: 'Unsigned JWT (alg: none) committed: harmless only if no server accepts unsigned tokens; check that every verifier rejects alg none, and use a signed test token instead.',
            severity: 'low',
            // No signature: it authenticates nothing on a server that verifies; the finding is a code smell
            // to check, not a credential to revoke.
            confidence: 'low',
          });
          continue;
        }
        if (sig.length < 24 || isPlaceholder(sig, true)) continue;
        const secret = g.secret!;
        const exp = typeof payload.exp === 'number' ? payload.exp : typeof payload.exp === 'string' ? Number(payload.exp) : NaN;
        const expired = Number.isFinite(exp) && exp * 1000 < ctx.today.getTime();
        const iss = typeof payload.iss === 'string' ? payload.iss.slice(0, 80) : undefined;
        const start = seg.offset + m.index;
        // jwt.io's own example, copied into countless docs and tests: public, signed with `your-256-bit-secret`.
        if (isJwtIoExample(payload)) continue;
        // A Supabase project's anon key (`"iss": "supabase", "role": "anon"`): the public key every client
        // ships, limited by row-level security; the `service_role` key is the secret one.
        if (payload.iss === 'supabase' && payload.role === 'anon') continue;
        const defaultKey = defaultSigningKey(secret, header.alg);
        // jwt.io's signature pasted under other claims (a tutorial drawing the three parts): it verifies nothing.
        const copiedSignature = createHash('sha256').update(sig).digest('hex') === JWT_IO_SIGNATURE_SHA256;
        // A signed document about a holder (an SD-JWT verifiable credential, a status or wallet attestation, by its
        // `typ`), which its holder presents with a key of their own (`cnf`): not a bearer token.
        const document = header.typ !== undefined && SIGNED_DOCUMENT_TYP.test(header.typ);
        // An OAuth request's `state` (`…/authorize?…&state=eyJ…`): one sign-in's anti-forgery value, sent through the browser.
        const oauthState = /[?&]state=$/.test(file.text.slice(Math.max(0, start - 7), start));
        const sample = hasSampleClaims(payload) || defaultKey !== undefined || copiedSignature || oauthState || document;
        out.push({
          start,
          end: start + secret.length,
          secret,
          message:
            (defaultKey !== undefined
              ? `Example JWT signed with the published default key \`${defaultKey}\`: anyone can forge such tokens; check that no server verifies with that key. `
              : document
                ? `Signed ${header.typ!.slice(0, 40)} document (a credential or attestation about its holder, who presents it with their own key), not a bearer token; check that it holds no real person's data. `
                : oauthState
                  ? "JWT in an OAuth request's `state` parameter: one sign-in's anti-forgery value, which the browser carries; check that it holds no credential. "
                  : copiedSignature
                    ? "Sample JWT whose signature is jwt.io's example signature, copied under other claims: it verifies with no key; check that it stands for no real token. "
                    : sample
                      ? 'Sample-looking signed JWT (placeholder subject or name): check that no issuer accepts it. '
                      : '') +
            `Signed JWT (${header.alg.slice(0, 20)}${iss ? `, issuer ${iss}` : ''}) committed` +
            (expired ? `; it expired on ${new Date(exp * 1000).toISOString().slice(0, 10)}, but its claims and the issuer's trust may still be abused.` : ': revoke it at the issuer.'),
          ...(expired ? { severity: 'medium' as const } : {}),
          ...(sample ? { confidence: 'low' as const } : header.lenient ? { confidence: 'medium' as const } : {}),
        });
      }
    }
    return out;
  },
};

export default rule;
