import { assignment } from './lib/assignment.js';
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
];

const ALL_NAMES = PROVIDERS.flatMap((p) => p.names);
/**
 * The prefilter's literals: each name, but `hec` only as a name is written (`hec_token`, `HEC-KEY`,
 * `hecToken`, `[hec]`): as a bare literal it is in every `check`, and each hit hands a line over.
 */
const KEYWORDS = [...new Set(ALL_NAMES.flatMap((n) => (n === 'hec' ? ['hec_', 'hec-', 'hec.', 'hec ', 'hec:', 'hec=', 'hec"', "hec'", 'hec]', 'hectoken', 'heckey'] : [n.toLowerCase()])))];
const ALL_WORDS = [...new Set(PROVIDERS.flatMap((p) => p.words))];
const validate = (s: string): boolean => !sample(s);
// One search for all providers (each provider's own pair of patterns cost 20 passes over a file); the
// provider, and so the message, is told by the name before the match (`messageFor`).
const variants: SecretVariant[] = [
  { keywords: KEYWORDS, pattern: () => assignment(providerNamed(ALL_NAMES, { words: ALL_WORDS }), UUID), nextLine: true, validate },
  // Under a parent key named after the provider (`splunk:\n  hec_token: …`, `[consul]\ntoken = …`).
  { keywords: KEYWORDS, pattern: nestedSecret(ALL_NAMES, UUID, { words: ALL_WORDS }), nextLine: true, validate },
];

/** The provider whose name comes last before `at` (the variable's or the parent key's name). */
function providerBefore(text: string, at: number): UuidProvider | undefined {
  const before = text.slice(Math.max(0, at - 400), at).toLowerCase();
  let best: UuidProvider | undefined;
  let bestAt = -1;
  for (const p of PROVIDERS) {
    for (const n of p.names) {
      const i = before.lastIndexOf(n);
      if (i > bestAt) {
        bestAt = i;
        best = p;
      }
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
  description: 'UUID-format API key or token of a named service (Splunk HEC, Consul, Nomad, Vault AppRole, Sauce Labs, MongoDB Atlas, Loggly, Rapid7, Coralogix, LogScale)',
  severity: 'high',
  confidence: 'medium',
  variants,
  revoke: {
    provider: 'The service named in the finding (Splunk, HashiCorp Consul/Nomad/Vault, Sauce Labs, MongoDB Atlas, Loggly, Rapid7, Coralogix, Falcon LogScale)',
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
