import { demoLoginReason } from './lib/demo-login.js';
import { lineAt } from '../../lines.js';
import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { shannonEntropy } from '../../entropy.js';
import { isPlaceholder, keyboardWalk } from '../../placeholder.js';
import { decodeBase64Text } from './lib/base64.js';
import { isJwtLookalike } from './lib/jwt-shape.js';
import { isFakeSequence, isPlaceholderPassword, isShortLabel, isTemplated, looksLikeIdentifier, namesItself } from './lib/credential-values.js';

// `Authorization: Bearer …` as an HTTP header, a curl -H argument, a header map entry (`"Authorization": "…"`,
// `Authorization = "…"`, `("Authorization", "…")`, Postman's `"key": "Authorization", "value": "…"`). The credential must be a literal: `$TOKEN`, `${…}`,
// `{{…}}`, `<token>` and string concatenation stop the match.
const AUTHORIZATION =
  /(?<![\w-])(?:proxy-)?authorization["'`]?\]?[ \t]*(?::|=>?|,[ \t]*(?:"value"[ \t]*:)?)[ \t]*["'`]?[ \t]*(?:(?<scheme>basic|bearer|token|api-?token|apikey|api-key|key|ssws|jwt|oauth|genie-?key|sso-key)[ \t]+)?(?<secret>[\w~+/=.@:-]{8,4096})/gi;
// Custom API-key headers, only inside a curl/httpie `-H` / `--header` argument.
const CUSTOM_HEADER =
  /(?:^|\s)(?:-H|--header)(?:=|[ \t]{1,5})["']?(?<name>(?:X-[\w-]{0,40}?)?(?:api[-_]?key|api[-_]?token|auth[-_]?token|access[-_]?token|token|secret|key))[ \t]*:[ \t]*(?<secret>[\w~+/=.@-]{8,512})/gi;

// A whole string literal that is a header's value, wherever the header's name is (Swift's
// `setValue("Bearer …", forHTTPHeaderField: "Authorization")`, a value built before its header).
const SCHEME_LITERAL = /(?<q>["'`])(?<scheme>[Bb]earer|BEARER|[Bb]asic|BASIC)[ \t]+(?<secret>[\w~+/=.@:-]{8,4096})\k<q>/g;

function basicCredentialOk(secret: string): boolean {
  const decoded = decodeBase64Text(secret);
  const pair = decoded ?? (secret.includes(':') ? secret : undefined);
  if (!pair) return false;
  const i = pair.indexOf(':');
  if (i < 0) return false;
  const user = pair.slice(0, i);
  const pass = pair.slice(i + 1).replace(/\r?\n$/, '');
  // An empty password is a client id, not a credential; `user:password` is a sample, and so are a password made
  // to be refused (`test:invalid`) and one typed along the keyboard (`bob:azerty123`).
  return (
    pass.length > 0 &&
    !isPlaceholderPassword(pass, user) &&
    !isPlaceholder(pass, false) &&
    !keyboardWalk(pass) &&
    !/^(?:invalid|wrong|incorrect|bad)[-_]?(?:pass(?:word)?|pw|pwd|secret|key|token)?\d{0,4}$/i.test(pass)
  );
}

const isBase64Pair = (secret: string): boolean => /^[A-Za-z0-9+/]{8,}={0,2}$/.test(secret) && decodeBase64Text(secret, 1)?.includes(':') === true;

/** A Basic credential of a demo login (demo-login.ts), and why. */
/**
 * A short lower-case token sent to the developer's own machine (`xhr.open('GET', "http://localhost:8000/orders")`
 * a line above `'Bearer <18 letters>'`): a demo's stand-in. Issued tokens are longer or mixed-case.
 */
function localDemoToken(secret: string, context: string): string | undefined {
  if (secret.length >= 24 || !/^[a-z0-9]+$/.test(secret)) return undefined;
  return /\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0)\b|\[::1\]/.test(context) ? 'a short token sent to localhost' : undefined;
}

function demoLogin(secret: string, line: string): string | undefined {
  const pair = decodeBase64Text(secret) ?? (secret.includes(':') ? secret : undefined);
  return demoLoginReason(pair?.slice(pair.indexOf(':') + 1).replace(/\r?\n$/, '') ?? '', line);
}

function tokenOk(secret: string, scheme: string | undefined): boolean {
  // Base64 of `user:password` under another scheme (`token dXNlcjpwYXNzd29yZA==`) is a Basic credential.
  if (/^[A-Za-z0-9+/]{8,}={0,2}$/.test(secret) && secret.length % 4 === 0) {
    const pair = decodeBase64Text(secret, 1);
    if (pair !== undefined && /^[^\s:]{1,64}:\S/.test(pair)) return basicCredentialOk(secret);
  }
  if (isTemplated(secret) || isPlaceholder(secret, false) || namesItself(secret) || isFakeSequence(secret)) return false;
  if (/^(?:basic|bearer|token|digest|negotiate|ntlm)$/i.test(secret)) return false;
  // An OAuth provider's `authorization: "https://…/authorize"` endpoint: a URL is never a header's credential.
  if (/^[a-z][\w+.-]{1,15}:\/\//i.test(secret)) return false;
  // A prefix the code strips or adds (`strings.CutPrefix(authz, "Bearer Pomerium-")`): it ends where a token would start.
  if (/[-_.:]$/.test(secret)) return false;
  // A provider's prefix and short digit groups (`xoxb-1234-1243`): a docstring's stand-in, not an issued token.
  if (/^[A-Za-z]{2,8}[-_](?:\d{1,8}[-_]?){1,4}$/.test(secret)) return false;
  // A provider's prefix and a few characters (`sk_test_123`): far shorter than any key it issues.
  if (/^[a-z]{2,8}_(?:test|live|prod|dev)_[A-Za-z0-9]{0,10}$/i.test(secret)) return false;
  // Short lower-case words and small numbers (`sk_ws_atomic`, `sk-prod-key-1`, `ak_test123`): a test's label for a key.
  if (isShortLabel(secret)) return false;
  // A word and a few characters (`access_Gf3kq9Lp2Zx`): far shorter than the tokens issued under such prefixes.
  if (/^[a-z]{3,10}_[A-Za-z0-9]{1,12}$/.test(secret)) return false;
  const h = shannonEntropy(secret);
  if (h < 2.75) return false;
  // Without a scheme the value could be anything (`authorization: required`): demand a random-looking token.
  // Under 16 characters it is a transaction's authorization code (`"authorization": "A1B2C3D4E5F6"` in a gateway's reply).
  if (!scheme && (h < 3.2 || secret.length < 16 || !/\d/.test(secret) || looksLikeIdentifier(secret))) return false;
  if (scheme && looksLikeIdentifier(secret) && !/\d/.test(secret)) return false;
  return true;
}

/**
 * A literal credential in an `Authorization` header (`Basic <base64 user:pass>`, `Bearer …`, `Token …`,
 * bare) anywhere — curl commands, HTTP snippets, header maps in code, Postman exports — in custom
 * API-key headers passed to curl with `-H` (`X-API-Key: …`, `apikey: …`, `Token: …`), and in a string
 * literal that is a whole `Bearer …` / `Basic …` value.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/authorization-header',
    family: 'secrets',
    severity: 'high',
    confidence: 'medium',
    description: 'Literal credential in an HTTP Authorization (or API-key) header',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The API the request is sent to (the host in the same command or code)',
      steps: [
        "Identify the API from the request URL or client code and revoke the token / API key there (for Basic auth: change the user's password).",
        "Check the API's audit or usage log for calls with the credential since the commit.",
        'In scripts and docs reference an environment variable (`-H "Authorization: Bearer $API_TOKEN"`) and keep the value in a secret store.',
      ],
    },
  },
  keywords: ['authorization', '-h', '"bearer ', "'bearer ", '`bearer ', '"basic ', "'basic ", '`basic '],
  scope: 'line',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    for (const seg of file.segments) {
      for (const re of [AUTHORIZATION, CUSTOM_HEADER, SCHEME_LITERAL]) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(seg.text)) !== null) {
          const secret = m.groups!.secret!.replace(/[.:]+$/, '');
          const scheme = m.groups!.scheme;
          // A JWT is the jwt rule's, in any header: it knows a sample (jwt.io's), a cut one, an unsigned one.
          // Random text that only starts like one (segments that do not decode) is a token like any.
          if (secret.startsWith('eyJ') && !isJwtLookalike(secret)) continue;
          // A challenge (`WWW-Authenticate: Bearer realm=…`, `Basic realm="…"`) names a scheme and its
          // parameters, not a credential.
          if (/^[A-Za-z_-]+=/.test(secret) || /(?:www|proxy)-authenticate/i.test(seg.text.slice(Math.max(0, m.index - 60), m.index))) continue;
          // A pattern the header must match (`WithRegexp("Authorization", \`AuroraDNSv1 .+\`)`): a scheme and a wildcard.
          if (/^[ \t]+(?:\.[+*]|\\S[+*]|\[\^?[^\]\n]{1,20}\][+*{])/.test(seg.text.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue;
          const next = seg.text.charAt(m.index + m[0].length);
          if (next === '$' || next === '{' || next === '(' || next === '<') continue; // concatenated with a variable
          const ok = scheme && /^basic$/i.test(scheme) ? basicCredentialOk(secret) : tokenOk(secret, scheme ?? m.groups!.name);
          if (!ok) continue;
          // From the group's own place: SCHEME_LITERAL's match ends with the closing quote.
          const start = seg.offset + m.index + m[0].lastIndexOf(m.groups!.secret!);
          if (seen.has(start)) continue;
          seen.add(start);
          const demo =
            (((scheme !== undefined && /^basic$/i.test(scheme)) || isBase64Pair(secret)) && demoLogin(secret, lineAt(seg.text, m.index))) ||
            localDemoToken(secret, file.text.slice(Math.max(0, seg.offset + m.index - 400), seg.offset + m.index + m[0].length));
          out.push({
            start,
            end: start + secret.length,
            secret,
            ...(demo ? { confidence: 'low' as const } : {}),
            message: demo
              ? `${scheme && !/^basic$/i.test(scheme) ? 'Token' : 'Basic credential'} in an Authorization header, of a demo login (${demo}): check that no real account uses it.`
              : scheme
                ? `Literal ${scheme.charAt(0).toUpperCase()}${scheme.slice(1).toLowerCase()} credential in an Authorization header.`
                : m.groups!.name
                  ? `Literal API credential in a \`${m.groups!.name}\` header.`
                  : 'Literal credential in an Authorization header.',
          });
        }
      }
    }
    return out;
  },
};

export default rule;
