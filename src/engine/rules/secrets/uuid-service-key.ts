import { assignment, ci, names, nameOf, namesAnIdentifier, spellings } from './lib/assignment.js';
import { nestedSecret, providerNamed } from './lib/keyed-secret.js';
import { defineSecretRuleSet, type SecretVariant } from './lib/rule-set.js';
import { shannonEntropy } from '../../entropy.js';
import type { Rule } from '../../rule.js';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** UUIDs that documentation prints (RFC 4122's, Swagger's default example): samples, not keys. */
const DOCUMENTED = new Set(['123e4567-e89b-12d3-a456-426614174000', '123e4567-e89b-12d3-a456-426655440000', '3fa85f64-5717-4562-b3fc-2c963f66afa6']);
const sample = (s: string): boolean => DOCUMENTED.has(s.toLowerCase()) || shannonEntropy(s.replace(/-/g, '')) < 3;

interface UuidProvider {
  /** What the message calls the credential. */
  label: string;
  /** Names the provider's credential variables start with (case-insensitive literals). */
  names: string[];
  /** Credential words after the name. */
  words: string[];
  /** Where it is revoked. */
  revoke: string;
  /**
   * The name is an ordinary word (`shortcut`, `privacy`, `coda`): it counts only right before a strong
   * credential word (`SHORTCUT_API_TOKEN`, `codaApiKey`), never before a bare `key`/`token` or with a
   * gap (`keyboard_shortcut_key`, `privacy_policy_key`, `coda_doc_id`); `words` are then unused.
   */
  strict?: boolean;
}

/**
 * Services whose documented API keys or tokens are bare UUIDs, so that only the name beside the value
 * tells them from the UUIDs code is full of (ids, request ids, fixtures). Each from the vendor's docs.
 */
const PROVIDERS: UuidProvider[] = [
  { label: 'Splunk HTTP Event Collector token', names: ['splunk', 'hec'], words: ['token', 'key'], revoke: 'Settings → Data inputs → HTTP Event Collector: disable and delete the token' },
  { label: 'HashiCorp Consul ACL token', names: ['consul'], words: ['token', 'secret'], revoke: '`consul acl token delete -accessor-id …`' },
  { label: 'HashiCorp Nomad ACL token', names: ['nomad'], words: ['token', 'secret'], revoke: '`nomad acl token delete …`' },
  {
    label: 'HashiCorp Vault AppRole secret ID',
    names: ['vault', 'approle'],
    words: ['secret_id', 'secretid', 'secret-id', 'secret id'],
    revoke: '`vault write auth/approle/role/<role>/secret-id/destroy secret_id=…`',
  },
  { label: 'Sauce Labs access key', names: ['sauce'], words: ['access_key', 'accesskey', 'access-key', 'key'], revoke: 'User settings → Access key: regenerate it' },
  {
    label: 'MongoDB Atlas API private key',
    names: ['mongodbatlas', 'mongodb_atlas', 'mongodb-atlas', 'atlas_', 'atlas-', 'atlas.'],
    words: ['private_key', 'privatekey', 'private-key', 'private key', 'api_key', 'apikey'],
    revoke: 'Organization → Access Manager → API Keys: delete the key',
  },
  { label: 'Loggly customer token', names: ['loggly'], words: ['token', 'key'], revoke: 'Source Setup → Customer Tokens: add a new token, then delete this one' },
  {
    label: 'Rapid7 Insight platform API key',
    names: ['rapid7', 'insightidr', 'insightvm', 'insight_platform'],
    words: ['key', 'token'],
    revoke: 'Insight platform → Administration → API Key Management: delete the key',
  },
  { label: 'Coralogix API key', names: ['coralogix'], words: ['key', 'token'], revoke: 'Settings → API Keys: revoke the key' },
  { label: 'Falcon LogScale (Humio) ingest token', names: ['humio', 'logscale'], words: ['token', 'key'], revoke: 'Repository → Settings → Ingest tokens: delete the token' },
  // The following from trufflehog's detectors (pkg/detectors/<name>/<name>.go: each sends the UUID alone,
  // or with a user name, as the API credential) and, where named, the vendor's API docs.
  { label: 'Runscope (BlazeMeter API Monitoring) access token', names: ['runscope', 'blazemeter'], words: ['token', 'key', 'secret'], revoke: 'Account → Applications: revoke the access token' },
  { label: 'Blocknative API key', names: ['blocknative'], words: ['key', 'token', 'secret'], revoke: 'Account dashboard → API keys: delete the key' },
  // Bugsnag's data access API takes a personal auth token (`Authorization: token …`, docs.bugsnag.com/api/data-access);
  // the notifier's API key (32 hex) is secrets/bugsnag-api-key's.
  { label: 'Bugsnag personal auth token', names: ['bugsnag'], words: ['token', 'key'], revoke: 'Settings → My account → Personal auth tokens: revoke the token' },
  { label: 'Cliengo API key', names: ['cliengo'], words: ['key', 'token', 'secret'], revoke: 'Account settings → API: regenerate the key' },
  { label: 'Collect2 API key', names: ['collect2'], words: ['key', 'token', 'secret'], revoke: 'Account → API key: regenerate it' },
  { label: 'Duply API key', names: ['duply'], words: ['key', 'token', 'secret'], revoke: 'Dashboard → API keys: delete the key' },
  { label: 'Interseller API key', names: ['interseller'], words: ['key', 'token', 'secret'], revoke: 'Settings → API: regenerate the key' },
  // The API key is the site's public identifier (the JS SDK embeds it); the API secret is the credential.
  { label: 'LoginRadius API secret', names: ['loginradius', 'login_radius'], words: ['secret'], revoke: 'Admin Console → Tenant settings → API credentials: reset the API secret' },
  { label: 'Logz.io API token', names: ['logz'], words: ['token', 'key'], revoke: 'Settings → Manage tokens → API tokens: delete the token' },
  { label: 'Moosend API key', names: ['moosend'], words: ['key', 'token', 'secret'], revoke: 'Settings → API key: regenerate it' },
  { label: 'NFTPort API key', names: ['nftport'], words: ['key', 'token', 'secret'], revoke: 'Dashboard → API key: regenerate it' },
  { label: 'Postbacks API key', names: ['postbacks'], words: ['key', 'token', 'secret'], revoke: 'Dashboard → API keys: delete the key' },
  { label: 'Salesmate session token', names: ['salesmate'], words: ['token', 'key', 'secret'], revoke: 'Profile → Access key: regenerate it' },
  { label: 'Tokeet API key', names: ['tokeet'], words: ['key', 'token', 'secret'], revoke: 'Settings → Account → API: regenerate the key' },
  { label: 'Wise (TransferWise) API token', names: ['transferwise'], words: ['token', 'key'], revoke: 'Settings → API tokens: delete the token' },
  { label: 'Zenscrape API key', names: ['zenscrape'], words: ['key', 'token', 'secret'], revoke: 'Dashboard → API key: regenerate it' },
  { label: 'Zipcodebase API key', names: ['zipcodebase'], words: ['key', 'token', 'secret'], revoke: 'Dashboard → API key: regenerate it' },
  // Ordinary words as names: only right before a strong credential word. Shortcut's API tokens are sent
  // as `Shortcut-Token` (help.shortcut.com, "Shortcut API Tokens"); Coda's as a bearer token (coda.io/apis/v1/whoami).
  { label: 'Shortcut API token', names: ['shortcut', 'clubhouse'], words: [], strict: true, revoke: 'Settings → Your Account → API Tokens: delete the token' },
  { label: 'Coda API token', names: ['coda'], words: [], strict: true, revoke: 'Account settings → API settings: delete the token' },
  { label: 'Guru API token', names: ['guru'], words: [], strict: true, revoke: 'Settings → API access: revoke the user token' },
  { label: 'Guardian Open Platform API key', names: ['guardian'], words: [], strict: true, revoke: 'open-platform.theguardian.com: ask for the key to be revoked and register a new one' },
  { label: 'Privacy.com API key', names: ['privacy'], words: [], strict: true, revoke: 'Account → API: regenerate the key' },
  { label: 'Refiner API key', names: ['refiner'], words: [], strict: true, revoke: 'Settings → Integrations → API: regenerate the key' },
  { label: 'Magnetic API token', names: ['magnetic'], words: [], strict: true, revoke: 'Settings → API: regenerate the token' },
  { label: 'Canny API key', names: ['canny'], words: [], strict: true, revoke: 'Settings → API: regenerate the secret key' },
  { label: 'Wise API token', names: ['wise'], words: [], strict: true, revoke: 'Settings → API tokens: delete the token' },
];

const LOOSE = PROVIDERS.filter((p) => !p.strict);
const STRICT = PROVIDERS.filter((p) => p.strict);
const ALL_NAMES = LOOSE.flatMap((p) => p.names);
const STRICT_NAMES = STRICT.flatMap((p) => p.names);
/** Regex source: the strong credential words a strict name must be followed by (`_API_KEY`, `ApiToken`, `-access-token`). */
const STRONG = String.raw`[_.\-]?(?:${ci('api')}[_.\-]?(?:${ci('key')}|${ci('token')})|${ci('access')}[_.\-]?${ci('token')})`;
/**
 * The prefilter's literals: each name, but `hec` only as a name is written (`hec_token`, `HEC-KEY`,
 * `hecToken`, `[hec]`): as a bare literal it is in every `check`, and each hit hands a line over. A
 * strict name only with the start of its credential word (`shortcut_api`, `codaaccess`): `shortcut`,
 * `privacy` and `wise` (in `otherwise`) are everywhere.
 */
const KEYWORDS = [...new Set(ALL_NAMES.flatMap((n) => (n === 'hec' ? ['hec_', 'hec-', 'hec.', 'hec ', 'hec:', 'hec=', 'hec"', "hec'", 'hec]', 'hectoken', 'heckey'] : [n.toLowerCase()])))];
const STRICT_KEYWORDS = STRICT_NAMES.flatMap((n) => spellings([[n], ['api', 'access']]));
const ALL_WORDS = [...new Set(LOOSE.flatMap((p) => p.words))];
const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
/**
 * The one search takes any name with any provider's word: the provider named last before the value
 * must have one of its own words after its name (`LOGINRADIUS_API_KEY` is the public key, not a match).
 */
const validate = (s: string, m: RegExpExecArray): boolean => {
  if (sample(s)) return false;
  const name = nameOf(m, s).toLowerCase();
  const p = providerBefore(name, name.length);
  if (p === undefined || p.strict) return true;
  let at = -1;
  for (const n of p.names) at = Math.max(at, name.lastIndexOf(n.toLowerCase()));
  const rest = squash(name.slice(at));
  return p.words.some((w) => rest.includes(squash(w)));
};
// One search for all providers (each provider's own pair of patterns cost 20 passes over a file); the
// provider, and so the message, is told by the name before the match (`providerBefore`).
const variants: SecretVariant[] = [
  { keywords: KEYWORDS, pattern: () => assignment(providerNamed(ALL_NAMES, { words: ALL_WORDS }), UUID), nextLine: true, validate },
  // Under a parent key named after the provider (`splunk:\n  hec_token: …`, `[consul]\ntoken = …`).
  { keywords: KEYWORDS, pattern: nestedSecret(ALL_NAMES, UUID, { words: ALL_WORDS }), nextLine: true, validate },
  // Strict names, on the same line only, their credential word right after them, and not an id (`…_API_KEY_ID`).
  {
    keywords: STRICT_KEYWORDS,
    pattern: () => assignment(String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names(...STRICT_NAMES)}${STRONG}`, UUID, { gap: 12 }),
    nextLine: true,
    validate: (s, m) => !sample(s) && !namesAnIdentifier(nameOf(m, s)),
  },
];

/** Where a strict provider's name is followed by its credential word (for `providerBefore`). */
const STRICT_AT = new RegExp(String.raw`${names(...STRICT_NAMES)}(?=${STRONG})`, 'gi');

/** The provider whose name comes last before `at` (the variable's or the parent key's name). */
function providerBefore(text: string, at: number): UuidProvider | undefined {
  const before = text.slice(Math.max(0, at - 400), at).toLowerCase();
  let best: UuidProvider | undefined;
  let bestAt = -1;
  for (const p of LOOSE) {
    for (const n of p.names) {
      const i = before.lastIndexOf(n);
      if (i > bestAt) {
        bestAt = i;
        best = p;
      }
    }
  }
  for (const m of before.matchAll(STRICT_AT)) {
    if (m.index > bestAt) {
      bestAt = m.index;
      best = STRICT.find((p) => p.names.includes(m[0]));
    }
  }
  return best;
}

const messageOf = (p: UuidProvider): string => `${p.label} committed: whoever reads it can use it until it is revoked (${p.revoke}).`;

// The Terraform provider's own block: `provider "mongodbatlas" {\n  public_key = …\n  private_key = "<uuid>"\n}`.
const ATLAS = PROVIDERS.find((p) => p.names.includes('mongodbatlas'))!;
variants.push({
  keywords: ['mongodbatlas'],
  pattern: new RegExp(String.raw`provider[ \t]+"mongodbatlas"[ \t]*\{[^{}]{0,600}?\bprivate_key[ \t]*=[ \t]*"(?<secret>${UUID})"`, 'g'),
  nextLine: 8,
  message: messageOf(ATLAS),
  validate: (s) => !sample(s),
});

// Consul's agent configuration: the ACL tokens block (`acl { tokens { initial_management = "<uuid>" } }`,
// and the same in JSON), whose member names are generic; and a Nomad or Vault agent's `consul { token = … }`.
const CONSUL = PROVIDERS.find((p) => p.names.includes('consul'))!;
const ACL_TOKEN = 'initial_management|master|agent|agent_recovery|agent_master|default|replication|dns|config_file_service_registration';
variants.push(
  {
    keywords: ['acl'],
    pattern: new RegExp(
      // From each value, looking behind to its block (every member of the block is a token, not the first alone).
      String.raw`"${UUID}"(?<=\bacl"?[ \t]*[:=]?[ \t]*\{[^{}]{0,600}?\btokens"?[ \t]*[:=]?[ \t]*\{[^{}]{0,800}?(?<![\w-])"?(?:${ACL_TOKEN})"?[ \t]*[:=][ \t]*"(?<secret>${UUID})")`,
      'g',
    ),
    nextLine: 12,
    message: messageOf(CONSUL),
    validate: (s) => !sample(s),
  },
  {
    // What `consul acl token create`, `nomad acl bootstrap` and `nomad acl token create` print, pasted into a
    // guide or a log: the token's public `AccessorID` and, on the next line, its `SecretID`, the token itself.
    keywords: ['accessor'],
    pattern: new RegExp(String.raw`\bAccessor ?ID[ \t]*[:=][ \t]*\S{8,64}[ \t]*\r?\n[ \t]*Secret ?ID[ \t]*[:=][ \t]*(?<secret>${UUID})(?![\w-])`, 'g'),
    nextLine: 2,
    message: "HashiCorp Consul or Nomad ACL token (the SecretID of an ACL command's output) committed to the repository.",
    validate: (s) => !sample(s),
  },
  {
    keywords: ['consul'],
    pattern: new RegExp(String.raw`"${UUID}"(?<=\bconsul"?[ \t]*[:=]?[ \t]*\{[^{}]{0,600}?(?<![\w-])"?token"?[ \t]*[:=][ \t]*"(?<secret>${UUID})")`, 'g'),
    nextLine: 8,
    message: messageOf(CONSUL),
    validate: (s) => !sample(s),
  },
);

/**
 * Keys and tokens that are bare UUIDs, recognised by the provider's name on their variable or parent
 * key (`SPLUNK_HEC_TOKEN`, `CONSUL_HTTP_TOKEN`, `VAULT_SECRET_ID`, `SAUCE_ACCESS_KEY`, an Atlas
 * provider's `private_key`). A UUID under a generic name (`api_token`) is not reported: it is an id
 * far more often than a key. Heroku, Snyk, Postmark, Opsgenie and Codecov have rules of their own.
 */
const rule = defineSecretRuleSet({
  id: 'secrets/uuid-service-key',
  description:
    'UUID-format API key or token of a named service (Splunk HEC, Consul, Nomad, Vault AppRole, Sauce Labs, MongoDB Atlas, Loggly, Rapid7, Coralogix, LogScale, Bugsnag, Logz.io, Wise, Shortcut, Coda and a dozen smaller APIs)',
  severity: 'high',
  confidence: 'medium',
  variants,
  revoke: {
    provider:
      'The service named in the finding (Splunk, HashiCorp Consul/Nomad/Vault, Sauce Labs, MongoDB Atlas, Loggly, Rapid7, Coralogix, Falcon LogScale, Bugsnag, Logz.io, Wise, Shortcut, Coda, …)',
    steps: [
      'Revoke or regenerate the key or token where the finding says; it stays valid until then, whatever happens to the code.',
      "Review the service's audit log for use of it since it was committed.",
      'Issue a replacement with the least scope the job needs (an ACL policy, a role, an ingest-only token) and inject it from a secret store or CI secret.',
    ],
  },
});

export default {
  ...rule,
  check(file, ctx) {
    return rule.check(file, ctx).map((raw) => {
      const p = raw.start === undefined ? undefined : providerBefore(file.text, raw.start);
      return p ? { ...raw, message: messageOf(p) } : raw;
    });
  },
} satisfies Rule;
