/**
 * Token declarations in configuration: entries of the token inventory (`.github/token-inventory.yml`,
 * read loosely until its schema lands: any mapping with `kind` or `scopes`), and scope lists next to a
 * GitHub token kind elsewhere (`scopes:` / `oauth_scopes:` …). Plus the classic PAT / OAuth scope
 * vocabulary, which scopes imply which, and which are dangerous.
 */
import type { Severity } from '../../../finding.js';
import { parseYaml, type YamlDoc, type YamlNode } from '../../../parse/yaml.js';

export const INVENTORY_PATH = /(?:^|\/)token-inventory\.ya?ml$/i;
const CONFIG_PATH = /\.(?:ya?ml|json)$/i;

export const isTokenConfigPath = (path: string): boolean => CONFIG_PATH.test(path);

/** Keys that hold a scope list. */
const SCOPE_KEYS = new Set(['scopes', 'oauth_scopes', 'oauthScopes', 'oauth-scopes', 'token_scopes', 'tokenScopes', 'token-scopes', 'scope']);
/** Keys that say what kind of token an entry is. */
const KIND_KEYS = ['kind', 'type', 'token_type', 'tokenType', 'token-type', 'token_kind', 'tokenKind', 'token-kind'];
/** Ancestors or names that put a scope list in GitHub's vocabulary. */
const GITHUB_CONTEXT = /github|(?:^|[^a-z])gh(?:[^a-z]|$)|(?:^|[^a-z])pat(?:[^a-z]|$)|personal[-_ ]?access|oauth/i;

export type TokenKind = 'classic-pat' | 'fine-grained-pat' | 'oauth-app' | 'github-app' | string;

/** Normalise what people write for a kind: `Classic PAT`, `pat_classic`, `ghp` → `classic-pat`. */
export function normaliseKind(raw: string | undefined): TokenKind | undefined {
  if (!raw) return undefined;
  const k = raw.trim().toLowerCase();
  if (/^(?:classic[-_ ]?(?:pat|token|personal[-_ ]access[-_ ]token)|pat[-_ ]?\(?classic\)?|personal[-_ ]access[-_ ]token[-_ ]?\(?classic\)?|classic|ghp)$/.test(k)) return 'classic-pat';
  if (/fine[-_ ]?grained|^github_pat$/.test(k)) return 'fine-grained-pat';
  if (/^(?:oauth(?:[-_ ]?(?:app|token))?|gho)$/.test(k)) return 'oauth-app';
  if (/^(?:github[-_ ]?app|app[-_ ]?installation|installation[-_ ]?token|ghs)$/.test(k)) return 'github-app';
  return k.replace(/[\s_]+/g, '-');
}

export interface ScopeItem {
  value: string;
  node: YamlNode | undefined;
}

export interface TokenEntry {
  doc: YamlDoc;
  node: YamlNode;
  name?: string;
  kind?: TokenKind;
  rawKind?: string;
  kindNode?: YamlNode;
  scopesKey?: YamlNode;
  scopes: ScopeItem[];
  inInventory: boolean;
  /** Some key or name around the entry ties it to GitHub. */
  githubContext: boolean;
  /** Some key or name around the entry says it is a credential (token, key, secret…). */
  credentialContext: boolean;
}

const CREDENTIAL_CONTEXT = /token|key|credential|secret|(?:^|[^a-z])pat(?:[^a-z]|$)|oauth|api|auth/i;

/** A GitHub classic scope: its risk when granted and the scopes it includes. */
interface ClassicScope {
  severity?: Severity;
  risk?: string;
  implies?: string[];
}

export const CLASSIC_SCOPES: Readonly<Record<string, ClassicScope>> = {
  repo: { implies: ['repo:status', 'repo_deployment', 'public_repo', 'repo:invite', 'security_events'], risk: 'full control of every private repository the user can access' },
  'repo:status': {},
  repo_deployment: {},
  public_repo: {},
  'repo:invite': {},
  security_events: {},
  workflow: { risk: 'change GitHub Actions workflows (and so reach every secret)' },
  'write:packages': { implies: ['read:packages'] },
  'read:packages': {},
  'delete:packages': { severity: 'high', risk: 'delete packages and container images' },
  'admin:org': { severity: 'critical', implies: ['write:org', 'read:org', 'manage_runners:org'], risk: 'administer the organisation (members, teams, settings)' },
  'write:org': { implies: ['read:org'] },
  'read:org': {},
  'manage_runners:org': {},
  'admin:public_key': { severity: 'high', implies: ['write:public_key', 'read:public_key'], risk: 'add and delete the user’s SSH keys' },
  'write:public_key': { implies: ['read:public_key'] },
  'read:public_key': {},
  'admin:repo_hook': { severity: 'high', implies: ['write:repo_hook', 'read:repo_hook'], risk: 'add and delete repository webhooks' },
  'write:repo_hook': { implies: ['read:repo_hook'] },
  'read:repo_hook': {},
  'admin:org_hook': { severity: 'high', risk: 'add and delete organisation webhooks' },
  gist: {},
  notifications: {},
  user: { implies: ['read:user', 'user:email', 'user:follow'] },
  'read:user': {},
  'user:email': {},
  'user:follow': {},
  delete_repo: { severity: 'high', risk: 'delete repositories' },
  'write:discussion': { implies: ['read:discussion'] },
  'read:discussion': {},
  'admin:enterprise': { severity: 'critical', implies: ['manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise', 'scim:enterprise'], risk: 'administer the enterprise' },
  'manage_runners:enterprise': {},
  'manage_billing:enterprise': { implies: ['read:enterprise'] },
  'read:enterprise': {},
  'scim:enterprise': { severity: 'high', risk: 'provision and deprovision enterprise users' },
  audit_log: { implies: ['read:audit_log'] },
  'read:audit_log': {},
  codespace: { implies: ['codespace:secrets'] },
  'codespace:secrets': {},
  copilot: {},
  'manage_billing:copilot': {},
  project: { implies: ['read:project'] },
  'read:project': {},
  'admin:gpg_key': { severity: 'high', implies: ['write:gpg_key', 'read:gpg_key'], risk: 'add and delete the user’s GPG keys' },
  'write:gpg_key': { implies: ['read:gpg_key'] },
  'read:gpg_key': {},
  'admin:ssh_signing_key': { severity: 'high', implies: ['write:ssh_signing_key', 'read:ssh_signing_key'], risk: 'add and delete the user’s SSH signing keys' },
  'write:ssh_signing_key': { implies: ['read:ssh_signing_key'] },
  'read:ssh_signing_key': {},
  site_admin: { severity: 'critical', risk: 'administer the whole GitHub Enterprise Server instance' },
};

/** Forbidden unless the policy allows them for a token kind: the admin, delete and site-wide scopes. */
export const DEFAULT_FORBIDDEN: readonly string[] = Object.entries(CLASSIC_SCOPES)
  .filter(([, s]) => s.severity)
  .map(([k]) => k);

/** Scopes that mean "everything", whatever the issuer. */
export const WILDCARDS = new Set(['*', 'all', 'admin', 'root', 'owner', 'full', 'full_access', 'full-access', 'fullaccess', '*:*', 'admin:*', 'write:*', '.*']);

/** `scope` itself and everything it implies, transitively. */
export function closure(scope: string): Set<string> {
  const out = new Set<string>([scope]);
  const todo = [scope];
  while (todo.length) {
    for (const s of CLASSIC_SCOPES[todo.pop()!]?.implies ?? []) {
      if (!out.has(s)) {
        out.add(s);
        todo.push(s);
      }
    }
  }
  return out;
}

/** Whether `scope` is covered by a list of allowed scopes (an allowed scope includes what it implies). */
export function coveredBy(scope: string, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  return allowed.some((a) => closure(a).has(scope));
}

function scopeItems(doc: YamlDoc, node: YamlNode | undefined): ScopeItem[] {
  if (doc.isSeq(node)) {
    return doc.items(node).flatMap((n) => {
      const s = doc.str(n);
      return s ? [{ value: s.trim(), node: n }] : [];
    });
  }
  const s = doc.str(node);
  if (s === undefined) return [];
  // "repo,read:org" / "repo read:org" (OAuth's own separators).
  return s
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((value) => ({ value, node }));
}

const MAX_CONFIG_BYTES = 512 * 1024;
/**
 * A scope-list key, or a token-kind key whose value names a classic token, as YAML or JSON writes it.
 * A bare `type:` key is in nearly every JSON file (package.json's `"type": "module"`): not a hint.
 * A whole key only: `"eslint-scope":` and `CSSScope:` are not scope lists (parsing two such files of a
 * node_modules tree, with a cold YAML parser, was ~8 % of a 24 MB scan).
 */
const KEY_HINT = /(?<![\w-])["']?(?:(?:oauth|token)[-_]?)?scopes?["']?[ \t]*:|(?<![\w-])["']?(?:kind|type|token[-_]?(?:type|kind))["']?[ \t]*:[ \t]*["']?(?:classic|pat\b|ghp|personal)/i;

/** Every token entry / scope declaration in a file. */
export function findTokenEntries(path: string, text: string): TokenEntry[] {
  if (!CONFIG_PATH.test(path)) return [];
  const inInventory = INVENTORY_PATH.test(path);
  // Elsewhere, parse only small files that have a scope list or a token-kind key (YAML parsing costs
  // about a second per megabyte; scope lists live in small config files).
  if (!inInventory && (text.length > MAX_CONFIG_BYTES || !KEY_HINT.test(text))) return [];
  const parsed = parseYaml(text, /\.json$/i.test(path) ? { uniqueKeys: false } : {});
  if (!parsed) return [];
  const out: TokenEntry[] = [];
  for (const doc of parsed.docs) {
    const walk = (node: YamlNode | undefined, ancestors: string[], depth: number): void => {
      if (!node || depth > 12) return;
      if (doc.isSeq(node)) {
        for (const it of doc.items(node)) walk(it, ancestors, depth + 1);
        return;
      }
      if (!doc.isMap(node)) return;
      const entries = doc.entries(node);
      const scopesEntry = entries.find((e) => SCOPE_KEYS.has(e.key) && (doc.isSeq(e.value) || doc.str(e.value) !== undefined));
      const kindEntry = entries.find((e) => KIND_KEYS.includes(e.key) && doc.str(e.value) !== undefined);
      const name = doc.str(entries.find((e) => e.key === 'name' || e.key === 'id')?.value);
      if (scopesEntry || (kindEntry && (inInventory || normaliseKind(doc.str(kindEntry.value)) === 'classic-pat'))) {
        const rawKind = kindEntry ? doc.str(kindEntry.value) : undefined;
        const kind = normaliseKind(rawKind);
        const context = [...ancestors, name ?? '', rawKind ?? '', doc.str(entries.find((e) => e.key === 'provider' || e.key === 'issuer')?.value) ?? ''];
        const entry: TokenEntry = {
          doc,
          node,
          scopes: scopesEntry ? scopeItems(doc, scopesEntry.value) : [],
          inInventory,
          githubContext: inInventory || kind === 'classic-pat' || kind === 'oauth-app' || kind === 'fine-grained-pat' || kind === 'github-app' || context.some((c) => GITHUB_CONTEXT.test(c)),
          credentialContext: inInventory || kindEntry !== undefined || context.some((c) => CREDENTIAL_CONTEXT.test(c)),
        };
        if (name !== undefined) entry.name = name;
        if (kind !== undefined) entry.kind = kind;
        if (rawKind !== undefined) entry.rawKind = rawKind;
        if (kindEntry?.value) entry.kindNode = kindEntry.value;
        if (scopesEntry?.keyNode) entry.scopesKey = scopesEntry.keyNode;
        out.push(entry);
      }
      for (const e of entries) {
        if (doc.isMap(e.value) || doc.isSeq(e.value)) walk(e.value, [...ancestors, e.key], depth + 1);
      }
    };
    walk(doc.root, [], 0);
  }
  return out;
}

/** How to name an entry in a message. */
export function entryLabel(e: TokenEntry): string {
  const kind = e.kind ? ` (${e.rawKind ?? e.kind})` : '';
  return e.name ? `Token \`${e.name}\`${kind}` : `This token${kind}`;
}
