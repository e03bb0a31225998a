/**
 * Workflows that log in to a cloud with a long-lived key where OIDC federation would issue a
 * short-lived credential per run: `aws-actions/configure-aws-credentials` with `aws-access-key-id`,
 * `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` taken from secrets into `env:`,
 * `google-github-actions/auth` with `credentials_json` (or `GOOGLE_CREDENTIALS` from secrets),
 * `azure/login` with `creds` (or `ARM_CLIENT_SECRET` / `AZURE_CLIENT_SECRET` from secrets). Also in
 * composite actions. A stored key outlives every run, must be rotated by hand, and works from
 * anywhere once it leaks.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { parseYaml, type YamlDoc, type YamlNode } from '../../parse/yaml.js';
import { isWorkflowFile } from '../../inventory/index.js';
import { LONG_LIVED } from './lib/controls.js';

const ACTION_FILE = /(?:^|\/)action\.ya?ml$/i;

interface Login {
  action: RegExp;
  input: string;
  provider: string;
  fix: string;
}

const LOGINS: readonly Login[] = [
  { action: /(?:^|\/)configure-aws-credentials@/i, input: 'aws-access-key-id', provider: 'AWS', fix: 'use `role-to-assume` with OIDC (`permissions: id-token: write`) and delete the access key' },
  { action: /^google-github-actions\/auth@/i, input: 'credentials_json', provider: 'Google Cloud', fix: 'use `workload_identity_provider` and `service_account` (Workload Identity Federation, `permissions: id-token: write`) and delete the key' },
  { action: /^azure\/login@/i, input: 'creds', provider: 'Azure', fix: 'use `client-id`, `tenant-id` and `subscription-id` with a federated credential (`permissions: id-token: write`) and delete the client secret' },
];

/** (The credential-ish name last: a name followed by a path-like string reads like an assignment to secret scanners.) */
const ACTION_KEYWORDS = ['google-github-actions/auth', 'azure/login', 'configure-aws-credentials'];

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
  appliesTo: (p) => isWorkflowFile(p) || ACTION_FILE.test(p),
  check(file) {
    const doc = parseYaml(file.text)?.first;
    const root = doc?.root;
    if (!doc || !doc.isMap(root)) return [];
    const out: RawFinding[] = [];
    const at = (node: YamlNode | undefined, f: Omit<RawFinding, 'line' | 'column'>): void => {
      const p = doc.pos(node);
      if (p) out.push({ line: p.line, column: p.column, ...f });
    };

    const env = (node: YamlNode | undefined, where: string): void => {
      for (const e of doc.entries(node)) {
        const spec = ENV_KEYS[e.key.toUpperCase()];
        const v = doc.str(e.value) ?? '';
        if (!spec || !/\bsecrets\s*[.[]/i.test(v)) continue;
        at(e.keyNode, {
          message: `\`${e.key}\` ${where} comes from a stored secret: a long-lived ${spec.provider} credential where OIDC federation would issue one per run.`,
          construct: `env:${where}:${e.key.toUpperCase()}`,
          remediation: `${spec.fix[0]!.toUpperCase()}${spec.fix.slice(1)}; then revoke the key and delete the secret.`,
        });
      }
    };
    const steps = (list: YamlNode | undefined, where: string): void => {
      doc.items(list).forEach((step, i) => {
        const here = `${where} step ${doc.str(doc.get(step, 'name')) ?? doc.str(doc.get(step, 'id')) ?? i + 1}`;
        env(doc.get(step, 'env'), `in ${here}`);
        const uses = doc.str(doc.get(step, 'uses'));
        if (!uses) return;
        for (const login of LOGINS) {
          if (!login.action.test(uses)) continue;
          const input = doc.entry(doc.get(step, 'with'), login.input);
          if (!input || doc.isNull(input.value)) continue;
          at(input.keyNode, {
            message: `${uses.split('@')[0]} logs in to ${login.provider} with \`${login.input}\` in ${here}: a long-lived key where OIDC federation would issue a short-lived credential per run.`,
            construct: `login:${where}:${i}:${login.input}`,
            remediation: `Drop \`${login.input}\`: ${login.fix}.`,
          });
        }
      });
    };

    env(doc.get(root, 'env'), 'in the workflow env');
    for (const j of doc.entries(doc.get(root, 'jobs'))) {
      env(doc.get(j.value, 'env'), `in job \`${j.key}\``);
      steps(doc.get(j.value, 'steps'), `job \`${j.key}\``);
    }
    steps(doc.get(root, 'runs', 'steps'), 'the action');
    return out;
  },
};

export default rule;
