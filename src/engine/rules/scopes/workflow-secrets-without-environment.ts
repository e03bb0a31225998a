/**
 * A job that reads repository or organization secrets without a deployment `environment:`. An
 * environment is what puts a gate in front of a secret — required reviewers, deployment branch and tag
 * rules, a wait timer — and scopes it to the jobs that deploy; a secret read outside one is available
 * to any job of any workflow on any branch anyone with write access pushes. One finding per set of secrets,
 * at the first job's first secret, naming them all and the jobs that read them (zizmor's
 * `secrets-outside-env`, an auditor-level check: low).
 *
 * Not reported: `GITHUB_TOKEN`; `ACTIONS_RUNNER_DEBUG` and `ACTIONS_STEP_DEBUG` (the switches GitHub reads
 * to turn on debug logging, set to `true` as a secret or variable — not credentials); identifiers kept as
 * secrets (OIDC client, tenant and subscription ids); jobs that call a reusable workflow (the callee's jobs read the
 * secrets); workflows triggered by `workflow_call` (a reusable workflow cannot use its caller's
 * environment secrets without `secrets: inherit`, itself a finding).
 *
 * ```yaml
 * rules:
 *   scopes/workflow-secrets-without-environment:
 *     options:
 *       allowSecrets: [CODECOV_TOKEN]   # secrets that may be read outside an environment (case-insensitive)
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { SECRET_EXPOSURE } from './lib/controls.js';
import { optList } from './lib/rule-options.js';
import { at, code, expressionsIn, isWorkflowPath, list, loadWorkflow, withoutPeerIgnored } from './lib/workflow.js';

/** Secrets that are no one's credential: the job's own token and GitHub's debug-logging switches. */
const NOT_CREDENTIALS = new Set(['GITHUB_TOKEN', 'ACTIONS_RUNNER_DEBUG', 'ACTIONS_STEP_DEBUG']);
/**
 * Identifiers kept as secrets because a login action's guide says so (azure/login's `AZURE_CLIENT_ID`,
 * `AZURE_TENANT_ID`, `AZURE_SUBSCRIPTION_ID` for OIDC; google-github-actions/auth's workload identity provider
 * and service account e-mail; configure-aws-credentials' `role-to-assume` ARN and region): they name who logs
 * in and where, and the federated token is what proves it.
 */
const IDENTIFIERS =
  /(?:^|_)(?:CLIENT|TENANT|SUBSCRIPTION|PROJECT|ACCOUNT|APP|APPLICATION|ORG|ORGANIZATION)_?ID$|(?:^|_)WORKLOAD_IDENTITY_PROVIDER$|(?:^|_)SERVICE_ACCOUNT_EMAIL$|(?:^|_)(?:ROLE_ARN|ROLE_TO_ASSUME|IAM_ROLE)(?:_|$)|(?:^|_)(?:ROLE|REGION|ACCOUNT_NUMBER)$/i;

const NAMED = /(?<![\w.-])secrets\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*'([^']+)'\s*\])/gi;

const rule: Rule = {
  meta: {
    id: 'scopes/workflow-secrets-without-environment',
    family: 'scopes',
    severity: 'low',
    confidence: 'high',
    description: 'GitHub Actions job reads secrets without a deployment `environment:` (no reviewers or branch rules gate them)',
    controls: [...SECRET_EXPOSURE],
    remediation:
      'Create a deployment environment (Settings → Environments) with required reviewers or deployment branch/tag rules, move the secrets into it, and add `environment: <name>` to the job that uses them.',
    options: {
      allowSecrets: stringList('Secrets that may be read outside an environment (names, any case), e.g. `[CODECOV_TOKEN]`.'),
    },
  },
  keywords: ['secrets'],
  scope: 'file',
  appliesTo: isWorkflowPath,
  check(file, ctx) {
    const wf = loadWorkflow(file);
    if (!wf || wf.triggers.includes('workflow_call')) return [];
    const allow = new Set(optList(ctx.options, 'allowSecrets', []).map((s) => s.toUpperCase()));
    const doc = wf.doc;
    // Jobs reading the same secrets (an end-to-end matrix spelled out job by job) are one finding, at the first.
    const groups = new Map<string, { finding: RawFinding; jobs: string[]; names: string[]; aliasedLine?: number }>();
    for (const job of wf.jobs) {
      if (job.uses || job.environment) continue;
      const src = doc.source(job.node) ?? '';
      if (/#\s*zizmor:\s*ignore\[[^\]]*secrets-outside-env/i.test(src)) continue;
      const names: string[] = [];
      // Where the finding points: the job's first secret written in the job itself. A secret the job
      // gets only through a YAML alias is written at the anchor, maybe in another job that may get the
      // same finding there: the job's key is this job's own place (the message names the anchor's line).
      const own = (job.node as { range?: [number, number, number] } | undefined)?.range;
      let first: { line: number; column: number } | undefined;
      let aliased: { line: number; column: number } | undefined;
      for (const ex of expressionsIn(doc, file.text, job.node)) {
        NAMED.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = NAMED.exec(ex.body))) {
          const name = m[1] ?? m[2]!;
          if (NOT_CREDENTIALS.has(name.toUpperCase()) || IDENTIFIERS.test(name) || allow.has(name.toUpperCase())) continue;
          if (!names.includes(name)) names.push(name);
          const offset = ex.start + m.index;
          if (own && offset >= own[0] && offset < own[1]) first ??= doc.file.pos(offset);
          else aliased ??= doc.file.pos(offset);
        }
      }
      if (!names.length || !(first ?? aliased)) continue;
      const key = [...names].sort().join('\u0000');
      const seen = groups.get(key);
      if (seen) {
        seen.jobs.push(job.id);
        continue;
      }
      const finding = at(doc, job.keyNode, { message: '', construct: `job:${job.id} secrets-outside-environment` });
      groups.set(key, { finding: first ? { ...finding, line: first.line, column: first.column } : finding, jobs: [job.id], names, ...(first ? {} : { aliasedLine: aliased!.line }) });
    }
    const out: RawFinding[] = [];
    for (const { finding, jobs, names, aliasedLine } of groups.values()) {
      const shown = names.slice(0, 5).map(code);
      const who = jobs.length === 1 ? `Job \`${jobs[0]}\` reads` : `Jobs ${list(jobs.slice(0, 3).map(code))}${jobs.length > 3 ? ` and ${jobs.length - 3} more` : ''} read`;
      finding.message = `${who} ${names.length === 1 ? 'the secret' : 'the secrets'} ${list(shown)}${names.length > 5 ? ` and ${names.length - 5} more` : ''}${aliasedLine === undefined ? '' : ` (through a YAML alias of line ${aliasedLine})`} without a deployment \`environment:\`: no reviewer or branch rule stands between ${names.length === 1 ? 'it' : 'them'} and any job on any branch.`;
      out.push(finding);
    }
    return withoutPeerIgnored(file.text, out, ['secrets-outside-env']);
  },
};

export default rule;
