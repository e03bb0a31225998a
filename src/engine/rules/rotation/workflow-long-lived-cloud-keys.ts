/**
 * Workflows that log in to a cloud with a long-lived key where OIDC federation would issue a
 * short-lived credential per run: `aws-actions/configure-aws-credentials` with `aws-access-key-id`,
 * `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` taken from secrets into `env:`,
 * `google-github-actions/auth` with `credentials_json` (or `GOOGLE_CREDENTIALS` from secrets),
 * `azure/login` with `creds` (or `ARM_CLIENT_SECRET` / `AZURE_CLIENT_SECRET` from secrets), an App Service
 * or Functions `publish-profile`, and `docker/login-action` handed a service-account key file (`_json_key`)
 * or an Azure Container Registry password from secrets. Also in
 * composite actions. A stored key outlives every run, must be rotated by hand, and works from
 * anywhere once it leaks. AWS keys that come with a session token (`aws-session-token`,
 * `AWS_SESSION_TOKEN`) are temporary STS credentials and are not reported; keys given to
 * `configure-aws-credentials` together with `role-to-assume` are (low): the session is temporary, the
 * key that assumes the role is not. `AWS_*` keys beside an endpoint that is not AWS (`AWS_ENDPOINT_URL`,
 * `AWS_ENDPOINT_URL_S3`, `aws … --endpoint-url`: Cloudflare R2, MinIO, Backblaze B2 …) belong to that
 * S3-compatible store, which has no AWS role to federate to, and are not reported. One stored secret used for the same login in several jobs or steps of
 * a file is one credential: one finding, at its first use, naming the other lines.
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import type { YamlNode } from '../../parse/yaml.js';
import { isActionPath, isWorkflowPath, loadUnit, type Step } from '../scopes/lib/workflow.js';
import { LONG_LIVED } from './lib/controls.js';

const SECRET_REF = /\bsecrets\s*[.[]/i;

interface Login {
  action: RegExp;
  input: string;
  provider: string;
  fix: string;
  /** Only when another input of the step says which cloud it is (docker/login-action's `username`, `registry`). */
  when?: { input: string; value: RegExp };
  /** How the message names what is handed over (default: a long-lived key). */
  what?: string;
}

const LOGINS: readonly Login[] = [
  { action: /(?:^|\/)configure-aws-credentials@/i, input: 'aws-access-key-id', provider: 'AWS', fix: 'use `role-to-assume` with OIDC (`permissions: id-token: write`) and delete the access key' },
  {
    action: /^google-github-actions\/auth@/i,
    input: 'credentials_json',
    provider: 'Google Cloud',
    fix: 'use `workload_identity_provider` and `service_account` (Workload Identity Federation, `permissions: id-token: write`) and delete the key',
  },
  {
    action: /^azure\/login@/i,
    input: 'creds',
    provider: 'Azure',
    fix: 'use `client-id`, `tenant-id` and `subscription-id` with a federated credential (`permissions: id-token: write`) and delete the client secret',
  },
  // An App Service or Functions publish profile: the app's basic-auth deployment credentials, valid until reset.
  ...['webapps-deploy', 'functions-action'].map((a): Login => ({
    action: new RegExp(`^azure\\/${a}@`, 'i'),
    input: 'publish-profile',
    provider: 'Azure',
    what: "an app's publish profile (basic-auth deployment credentials)",
    fix: 'log in with azure/login and a federated credential (`permissions: id-token: write`) before the deploy step, drop `publish-profile`, and turn off basic-auth publishing on the app',
  })),
  // A registry login with a service-account key file (`_json_key`) or an Azure Container Registry password.
  {
    action: /^docker\/login-action@/i,
    input: 'password',
    when: { input: 'username', value: /^_json_key(?:_base64)?$/ },
    provider: 'Google Cloud',
    what: 'a service-account key file as the registry password',
    fix: 'authenticate with google-github-actions/auth through Workload Identity Federation (`token_format: access_token`) and log in as `oauth2accesstoken` with its token',
  },
  {
    action: /^docker\/login-action@/i,
    input: 'password',
    when: { input: 'registry', value: /\.azurecr\.(?:io|cn|us)\b/i },
    provider: 'Azure',
    what: 'a stored registry password (a service principal secret or the admin password)',
    fix: 'log in with azure/login and a federated credential, then `az acr login`, and turn off the registry admin user',
  },
];

/** (The credential-ish name last: a name followed by a path-like string reads like an assignment to secret scanners.) */
const ACTION_KEYWORDS = ['google-github-actions/auth', 'azure/login', 'configure-aws-credentials', 'azure/webapps-deploy', 'azure/functions-action', 'docker/login-action'];

const ENV_KEYS: Record<string, { provider: string; fix: string }> = {
  AWS_ACCESS_KEY_ID: { provider: 'AWS', fix: 'assume a role through OIDC (aws-actions/configure-aws-credentials with `role-to-assume`) instead of exporting an access key' },
  AWS_SECRET_ACCESS_KEY: { provider: 'AWS', fix: 'assume a role through OIDC (aws-actions/configure-aws-credentials with `role-to-assume`) instead of exporting an access key' },
  GOOGLE_CREDENTIALS: { provider: 'Google Cloud', fix: 'authenticate with google-github-actions/auth and `workload_identity_provider` instead of a key file' },
  ARM_CLIENT_SECRET: { provider: 'Azure', fix: 'set `ARM_USE_OIDC: true` with `ARM_CLIENT_ID`/`ARM_TENANT_ID` and a federated credential instead of a client secret' },
  AZURE_CLIENT_SECRET: { provider: 'Azure', fix: 'use azure/login with a federated credential (`client-id`, `tenant-id`, `subscription-id`) instead of a client secret' },
};

const rule: Rule = {
  meta: {
    id: 'rotation/workflow-long-lived-cloud-keys',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Workflow authenticates to a cloud with a long-lived key where OIDC federation is available',
    controls: [...LONG_LIVED],
    remediation:
      'Switch to OIDC federation: grant the job `permissions: id-token: write`, trust the repository in the cloud (AWS IAM OIDC provider + role, GCP Workload Identity pool, Azure federated credential), log in without a stored key, then revoke the key and delete the secret.',
  },
  keywords: [...ACTION_KEYWORDS, ...Object.keys(ENV_KEYS).map((k) => k.toLowerCase())],
  scope: 'file',
  appliesTo: (p) => isWorkflowPath(p) || isActionPath(p),
  check(file) {
    const unit = loadUnit(file);
    if (!unit) return [];
    const doc = unit.doc;
    const out: RawFinding[] = [];
    /** The stored secret behind each finding (`AWS secrets.KEY_ID`): one credential, one finding. */
    const credentialOf = new Map<RawFinding, string>();
    const at = (node: YamlNode | undefined, f: Omit<RawFinding, 'line' | 'column'>, credential: string): void => {
      const p = doc.pos(node);
      if (!p) return;
      const finding = { line: p.line, column: p.column, ...f };
      out.push(finding);
      credentialOf.set(finding, credential);
    };
    const secretOf = (value: string): string => value.replace(/\s+/g, '');
    /** Names (upper-cased) set from stored secrets in an `env:` mapping. */
    const fromSecrets = (node: YamlNode | undefined): Set<string> =>
      new Set(
        doc
          .entries(doc.get(node, 'env'))
          .filter((e) => SECRET_REF.test(doc.str(e.value) ?? ''))
          .map((e) => e.key.toUpperCase()),
      );
    // AWS credentials that come with a session token are temporary (STS): they expire by themselves.
    const sessionToken = (...scopes: Array<Set<string>>): boolean => scopes.some((s) => s.has('AWS_SESSION_TOKEN') || s.has('AWS_SECURITY_TOKEN'));
    /** An endpoint that is not AWS set in these `env:` mappings (or passed on the step's command line). */
    const otherEndpoint = (owners: ReadonlyArray<YamlNode | undefined>, run = ''): boolean =>
      owners.some((o) => doc.entries(doc.get(o, 'env')).some((e) => /^AWS_ENDPOINT_URL(?:_S3)?$/i.test(e.key) && notAws(doc.str(e.value)))) ||
      [...run.matchAll(/--endpoint-url[=\s]+["']?([^\s"']+)/g)].some((m) => notAws(m[1]));

    const env = (owner: YamlNode | undefined, where: string, outer: Array<Set<string>>, scopes: ReadonlyArray<YamlNode | undefined>, run?: string): void => {
      const own = fromSecrets(owner);
      const s3Compatible = otherEndpoint([owner, ...scopes], run);
      // An access key's id and secret in one mapping are one credential: one finding, at the first.
      const awsPair = own.has('AWS_ACCESS_KEY_ID') && own.has('AWS_SECRET_ACCESS_KEY');
      let pairReported = false;
      for (const e of doc.entries(doc.get(owner, 'env'))) {
        const spec = ENV_KEYS[e.key.toUpperCase()];
        const v = doc.str(e.value) ?? '';
        if (!spec || !SECRET_REF.test(v)) continue;
        if (spec.provider === 'AWS' && (sessionToken(own, ...outer) || s3Compatible)) continue;
        const paired = awsPair && /^AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/i.test(e.key);
        if (paired && pairReported) continue;
        pairReported ||= paired;
        at(
          e.keyNode,
          {
            message: paired
              ? `\`AWS_ACCESS_KEY_ID\` and \`AWS_SECRET_ACCESS_KEY\` ${where} come from stored secrets: a long-lived AWS access key where OIDC federation would issue a credential per run.`
              : `\`${e.key}\` ${where} comes from a stored secret: a long-lived ${spec.provider} credential where OIDC federation would issue one per run.`,
            construct: `env:${where}:${e.key.toUpperCase()}`,
            remediation: `${spec.fix[0]!.toUpperCase()}${spec.fix.slice(1)}; then revoke the key and delete the secret.`,
          },
          `${spec.provider} ${paired ? 'AWS_ACCESS_KEY_ID' : e.key.toUpperCase()} ${secretOf(paired ? (doc.str(doc.get(owner, 'env', 'AWS_ACCESS_KEY_ID')) ?? v) : v)}`,
        );
      }
    };
    const steps = (list: readonly Step[], where: string, outer: Array<Set<string>>, scopes: ReadonlyArray<YamlNode | undefined>): void => {
      for (const step of list) {
        const i = step.index;
        const here = `${where} step ${doc.str(doc.get(step.node, 'name')) ?? doc.str(doc.get(step.node, 'id')) ?? i + 1}`;
        env(step.node, `in ${here}`, outer, scopes, doc.str(doc.get(step.node, 'run')));
        const uses = step.uses;
        if (!uses) continue;
        for (const login of LOGINS) {
          if (!login.action.test(uses)) continue;
          const inp = doc.entry(step.withNode, login.input);
          if (!inp || doc.isNull(inp.value)) continue;
          if (login.when && !login.when.value.test((doc.str(doc.entry(step.withNode, login.when.input)?.value) ?? '').trim())) continue;
          // A registry password fed from anything but a stored secret (a token minted earlier in the job) is no stored key.
          if (login.when && !SECRET_REF.test(doc.str(inp.value) ?? '')) continue;
          let severity: RawFinding['severity'];
          let note = '';
          if (login.provider === 'AWS') {
            // Keys given with a session token are temporary credentials, not a stored long-lived key.
            if (!doc.isNull(doc.entry(step.withNode, 'aws-session-token')?.value)) continue;
            // The role session is temporary; the key that assumes it is not.
            if (!doc.isNull(doc.entry(step.withNode, 'role-to-assume')?.value)) {
              severity = 'low';
              note = ' The role session it assumes is temporary, but the key used to assume it is stored for good.';
            }
          }
          at(
            inp.keyNode,
            {
              message: `${uses.split('@')[0]} logs in to ${login.provider} with \`${login.input}\` in ${here}: ${login.what ?? 'a long-lived key'} where OIDC federation would issue a short-lived credential per run.${note}`,
              construct: `login:${where}:${i}:${login.input}`,
              remediation: `Drop \`${login.input}\`: ${login.fix}.`,
              ...(severity ? { severity } : {}),
            },
            `${login.provider} ${login.input} ${secretOf(doc.str(inp.value) ?? '')}`,
          );
        }
      }
    };

    if (unit.kind === 'action') {
      steps(unit.steps, 'the action', [], []);
      return oncePerCredential(out, credentialOf);
    }
    const top = fromSecrets(unit.root);
    env(unit.root, 'in the workflow env', [], []);
    for (const job of unit.jobs) {
      env(job.node, `in job \`${job.id}\``, [top], [unit.root]);
      steps(job.steps, `job \`${job.id}\``, [top, fromSecrets(job.node)], [unit.root, job.node]);
    }
    return oncePerCredential(out, credentialOf);
  },
};

/** An endpoint value that names something other than AWS (an expression counts: AWS's own needs no override). */
const notAws = (v: string | undefined): boolean => !!v?.trim() && !/\.amazonaws\.com(?:\.cn)?(?:[/:]|$)/i.test(v);

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/**
 * The findings of one stored secret used the same way (the same login input or variable) in several places:
 * one finding at the first, at the most severe of their levels, its message naming the other lines.
 */
function oncePerCredential(out: RawFinding[], credentialOf: Map<RawFinding, string>): RawFinding[] {
  const groups = new Map<string, RawFinding[]>();
  for (const f of out) {
    const key = credentialOf.get(f) ?? '';
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const result: RawFinding[] = [];
  for (const g of groups.values()) {
    const [first, ...rest] = g;
    if (!rest.length) {
      result.push(first!);
      continue;
    }
    // A finding without a severity of its own has the rule's (medium), above any override here (low).
    const merged: RawFinding = { ...first!, message: `${first!.message} The same secret is used the same way at line${rest.length > 1 ? 's' : ''} ${rest.map((f) => f.line).join(', ')}.` };
    const severities = g.map((f) => f.severity);
    if (severities.includes(undefined)) delete merged.severity;
    else merged.severity = (severities as Severity[]).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
    result.push(merged);
  }
  return result;
}

export default rule;
