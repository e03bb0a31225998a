/**
 * `tokenwarden inventory init`: a starter token inventory from the secrets the workflows use. Kinds
 * and providers are guessed only from unambiguous names; owners, periods and dates are left blank
 * (`null`) with a `TODO`, so `rotation/inventory-incomplete` keeps asking until a person fills them.
 */
import { DEFAULT_MAX_ROTATION_DAYS, isExempt, type CredentialKind, type SecretReference, type SecretReferences } from '../engine/inventory/index.js';

interface Draft {
  name: string;
  secrets: string[];
  kind?: CredentialKind;
  provider?: string;
  /** Why the kind was guessed, or what to choose from. */
  hint?: string;
  refs: SecretReference[];
}

const PROVIDERS: Array<[RegExp, string]> = [
  [/^(?:NPM|NODE_AUTH)_/, 'npm'],
  [/^(?:PYPI|TWINE)_/, 'pypi'],
  [/^(?:DOCKER(?:HUB)?|DOCKER_HUB)_/, 'docker'],
  [/^GHCR_/, 'github'],
  [/^SLACK_/, 'slack'],
  [/^SENTRY_/, 'sentry'],
  [/^CODECOV_/, 'codecov'],
  [/^SONAR_/, 'sonarqube'],
  [/^SNYK_/, 'snyk'],
  [/^CLOUDFLARE_|^CF_API_/, 'cloudflare'],
  [/^VERCEL_/, 'vercel'],
  [/^NETLIFY_/, 'netlify'],
  [/^HEROKU_/, 'heroku'],
  [/^DATADOG_|^DD_/, 'datadog'],
  [/^SENDGRID_/, 'sendgrid'],
  [/^TWILIO_/, 'twilio'],
  [/^STRIPE_/, 'stripe'],
  [/^CARGO_|^CRATES_IO_/, 'crates.io'],
  [/^RUBYGEMS_|^GEM_HOST_/, 'rubygems'],
  [/^NUGET_/, 'nuget'],
  [/^OPENAI_/, 'openai'],
  [/^ANTHROPIC_/, 'anthropic'],
];

function guess(name: string): Pick<Draft, 'kind' | 'provider' | 'hint'> {
  const n = name.toUpperCase();
  if (/^AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/.test(n)) return { kind: 'cloud-access-key', provider: 'aws', hint: 'an AWS access key: consider OIDC federation instead' };
  if (/^(?:ARM|AZURE)_CLIENT_SECRET$|^AZURE_CREDENTIALS$/.test(n)) return { kind: 'cloud-access-key', provider: 'azure', hint: 'an Azure service principal secret: consider OIDC federation instead' };
  if (/^(?:GCP|GOOGLE|GCLOUD)_(?:SA_KEY|CREDENTIALS|SERVICE_ACCOUNT_KEY|APPLICATION_CREDENTIALS)(?:_JSON)?$/.test(n))
    return { kind: 'service-account-key', provider: 'gcp', hint: 'a Google service account key: consider Workload Identity Federation instead' };
  if (/APP_PRIVATE_KEY$|^(?:GH|GITHUB)_APP_(?:PEM|KEY)$/.test(n)) return { kind: 'github-app', hint: 'a GitHub App private key' };
  if (/DEPLOY_KEY$/.test(n)) return { kind: 'deploy-key', hint: 'a deploy key' };
  if (/SSH_(?:PRIVATE_)?KEY$/.test(n)) return { kind: 'ssh-key', hint: 'an SSH key' };
  if (/(?:GPG|PGP|COSIGN|SIGNING)_(?:PRIVATE_)?KEY$/.test(n)) return { kind: 'signing-key', hint: 'a signing key' };
  if (/WEBHOOK_SECRET$/.test(n)) return { kind: 'webhook-secret', hint: 'a webhook secret' };
  if (/(?:^|_)PAT$|PERSONAL_ACCESS_TOKEN$/.test(n)) return { hint: 'a personal access token: fine-grained-pat or classic-pat?' };
  for (const [re, provider] of PROVIDERS) if (re.test(n)) return /PASSWORD$/.test(n) ? { kind: 'password', provider } : { kind: 'api-key', provider };
  if (/PASSWORD$|PASSWD$/.test(n)) return { kind: 'password' };
  return {};
}

/** One draft per credential: an access key id and its secret (same prefix) are one credential. */
function drafts(refs: SecretReferences, exempt: readonly string[]): Draft[] {
  const names = new Map<string, SecretReference[]>();
  for (const [k, list] of refs.byName) if (list.length && !isExempt(list[0]!.name, exempt)) names.set(k, list);
  const out: Draft[] = [];
  const taken = new Set<string>();
  for (const k of [...names.keys()].sort()) {
    if (taken.has(k)) continue;
    const list = names.get(k)!;
    const d: Draft = { name: list[0]!.name, secrets: [], refs: [...list], ...guess(k) };
    const pair = /^(.*)ACCESS_KEY_ID$/.exec(k)?.[1] ?? /^(.*)APP_ID$/.exec(k)?.[1];
    if (pair !== undefined) {
      for (const other of [`${pair}SECRET_ACCESS_KEY`, `${pair}APP_PRIVATE_KEY`, `${pair}PRIVATE_KEY`]) {
        const o = names.get(other);
        if (o && !taken.has(other)) {
          d.secrets.push(o[0]!.name);
          d.refs.push(...o);
          taken.add(other);
          if (other.endsWith('PRIVATE_KEY')) Object.assign(d, { kind: 'github-app', hint: 'a GitHub App (id and private key)' });
        }
      }
    }
    taken.add(k);
    out.push(d);
  }
  return out;
}

const q = (s: string): string => JSON.stringify(s);

/** The starter inventory's text. `today` only dates the header. */
export function draftInventory(refs: SecretReferences, opts: { today: Date; exempt?: readonly string[] }): { text: string; count: number } {
  const list = drafts(refs, opts.exempt ?? []);
  const day = opts.today.toISOString().slice(0, 10);
  const lines: string[] = [
    '# yaml-language-server: $schema=https://tokenwarden.dev/schema/token-inventory.schema.json',
    `# Token inventory, drafted by \`tokenwarden inventory init\` on ${day} from the secrets the workflows use.`,
    '# One entry per credential: who owns it (owner), what it may do (scopes), how often it is rotated',
    '# (rotation_days), when it was last rotated (last_rotated) and when it expires (expires: YYYY-MM-DD,',
    '# or never where the issuer offers no expiry). Fill in every TODO — Token Warden reports blank fields',
    '# (rotation/inventory-incomplete) — and never put a secret value here. Format: docs/token-inventory.md.',
    'version: 1',
  ];
  if (!list.length) {
    lines.push('credentials: []   # no workflow uses a secret yet; add credentials this repository provisions');
    return { text: `${lines.join('\n')}\n`, count: 0 };
  }
  lines.push('credentials:');
  for (const d of list) {
    const files = [...new Set(d.refs.map((r) => r.path))].sort();
    const envs = [...new Set(d.refs.map((r) => r.environment))];
    const max = d.kind ? DEFAULT_MAX_ROTATION_DAYS[d.kind] : DEFAULT_MAX_ROTATION_DAYS.default;
    lines.push(`  - name: ${d.name}`);
    if (d.secrets.length) lines.push(`    secrets: [${d.secrets.join(', ')}]`);
    lines.push(
      d.kind
        ? `    kind: ${d.kind}${d.hint ? `   # guessed from the name (${d.hint}): check` : '   # guessed from the name: check'}`
        : `    kind:             # TODO: ${d.hint ? `${d.hint} ` : ''}classic-pat | fine-grained-pat | github-app | oauth-app | deploy-key | ssh-key | cloud-access-key | service-account-key | api-key | webhook-secret | signing-key | password | certificate | other`,
    );
    if (d.provider) lines.push(`    provider: ${d.provider}`);
    else if (!d.kind || ['api-key', 'cloud-access-key', 'service-account-key'].includes(d.kind))
      lines.push('    provider:         # TODO: who issues it (npm, aws, slack, …), for api-key / cloud keys');
    lines.push('    owner:            # TODO: "@user" or "@org/team" who rotates it (quoted)');
    lines.push('    scopes: []        # TODO: what it may do, e.g. [contents:read]');
    lines.push(`    rotation_days:    # TODO: at most ${max}${d.kind ? ` for ${d.kind}` : ''} by default`);
    lines.push('    last_rotated:     # TODO: YYYY-MM-DD the current credential was issued');
    lines.push('    expires:          # TODO: YYYY-MM-DD, or never if the issuer cannot set one');
    lines.push(`    used_in: [${files.map(q).join(', ')}]`);
    if (envs.length === 1 && envs[0]) lines.push(`    environment: ${q(envs[0])}`);
  }
  return { text: `${lines.join('\n')}\n`, count: list.length };
}
