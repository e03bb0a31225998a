/**
 * AWS role trust policies that let OIDC tokens assume the role without pinning who the token is for.
 * For GitHub Actions (`token.actions.githubusercontent.com` as the federated principal, with
 * `sts:AssumeRoleWithWebIdentity`), the `…:sub` condition decides which workflows get the role:
 *
 * - no `sub` condition, or `*` / `repo:*` — any repository on GitHub can assume it (critical);
 * - `repo:my-org*` (no `/`: matches other owners such as `my-org-evil`), a bare value that is not a
 *   claim, or a claim any repository can present (`environment:prod`, `ref:refs/heads/main`,
 *   `workflow:…`, `job_workflow_ref:…`, `context:…`) — high;
 * - `repo:my-org/*` — every repository of the organisation: info (checkov accepts it; turn it on
 *   with `orgWideSeverity` to require one repository per role);
 * - an `aud` condition of `*` — low (the audience should be `sts.amazonaws.com`).
 *
 * Other OIDC providers (GitLab, Terraform Cloud, EKS service accounts, …) must have a `<issuer>:sub`
 * condition that is not a bare `*` (high otherwise). Terraform (`aws_iam_role.assume_role_policy`,
 * `data "aws_iam_policy_document"`), CloudFormation (`AssumeRolePolicyDocument`) and JSON trust
 * policies; one finding per statement.
 *
 * ```yaml
 * rules:
 *   scopes/aws-oidc-trust-unscoped:
 *     options:
 *       orgWideSeverity: info      # severity of `repo:<org>/*` subjects (info = off in the default policy)
 *       allowSubjects: []          # sub globs accepted as they are, e.g. ["repo:my-org/*:environment:prod"]
 * ```
 */
import type { Severity } from '../../finding.js';
import { SEVERITIES } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { severity, stringList } from '../../option-schema.js';
import { FEDERATED_TRUST } from './lib/cloud-controls.js';
import { appliesToIam, iamPolicies, statementKey, type IamStatement, type PStr } from './lib/iam-policy.js';
import { anyGlob, optList } from './lib/rule-options.js';

const GITHUB = 'token.actions.githubusercontent.com';
const GH_SUB = /^token\.actions\.githubusercontent\.com(?:\/[\w.-]+)?:sub$/i;
const GH_AUD = /^token\.actions\.githubusercontent\.com(?:\/[\w.-]+)?:aud$/i;
/** Claims every repository's token can carry: on their own they do not say which repository. */
const ABUSABLE = /^(?:workflow|environment|ref|context|head_ref|base_ref|job_workflow_ref|ref_type|event_name|actor|runner_environment)\b/i;
const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

interface Verdict {
  severity: Severity;
  why: string;
  at?: PStr;
}

function judgeGithubSub(v: PStr, orgWide: Severity): Verdict | undefined {
  if (v.dynamic) return undefined;
  const s = v.v.trim();
  if (s === '*' || /^repo:\*/.test(s)) return { severity: 'critical', why: `\`${s}\` matches every repository on GitHub`, at: v };
  const parts = s.split(':');
  if (parts.length === 1) return { severity: 'high', why: `\`${s}\` is not a \`claim:value\` subject, so it scopes nothing predictable`, at: v };
  if (ABUSABLE.test(s)) return { severity: 'high', why: `\`${s}\` names a ${parts[0]} that workflows in any repository can claim`, at: v };
  if (parts[0] === 'repo') {
    const repo = parts[1] ?? '';
    const slash = repo.indexOf('/');
    if (slash < 0) return { severity: 'high', why: `\`${s}\` has no \`owner/repository\` — \`${repo}\` also matches other owners whose name starts the same`, at: v };
    const owner = repo.slice(0, slash);
    if (/[*?]/.test(owner)) return { severity: 'critical', why: `\`${s}\` matches repositories of any owner`, at: v };
    if (/[*?]/.test(repo.slice(slash + 1))) return { severity: orgWide, why: `\`${s}\` lets every repository of \`${owner}\` assume the role`, at: v };
  }
  return undefined;
}

const hasOidcPrincipal = (s: IamStatement): PStr[] =>
  s.principals.filter((p) => p.type.toLowerCase() === 'federated').flatMap((p) => p.values.filter((v) => /oidc-provider\/|githubusercontent|^[\w.-]+\.[a-z]{2,}(?:\/|$)/i.test(v.v)));

/** The issuer host (and path) of an OIDC provider ARN or bare issuer. */
function issuerOf(v: string): string {
  const m = /oidc-provider\/(.+)$/.exec(v);
  return (m ? m[1]! : v).replace(/^https:\/\//, '').toLowerCase();
}

const rule: Rule = {
  meta: {
    id: 'scopes/aws-oidc-trust-unscoped',
    family: 'scopes',
    severity: 'critical',
    confidence: 'high',
    description: 'AWS role trust policy lets OIDC tokens (GitHub Actions and other issuers) assume the role without a subject condition scoped to one repository or workload',
    controls: [...FEDERATED_TRUST],
    remediation:
      'Add a `StringEquals` (or `StringLike`) condition on `token.actions.githubusercontent.com:sub` naming the repository — `repo:<owner>/<repo>:ref:refs/heads/main` or `repo:<owner>/<repo>:environment:<env>` — and `token.actions.githubusercontent.com:aud` = `sts.amazonaws.com`.',
    options: {
      orgWideSeverity: severity(
        'The severity of `repo:<org>/*` subjects (every repository of the organisation); `info` is off in the default policy, `medium` requires one repository per role.',
        'info',
      ),
      allowSubjects: stringList('`sub` globs accepted as they are, e.g. `["repo:my-org/*:environment:prod"]`.'),
    },
  },
  keywords: ['oidc-provider', 'token.actions.githubusercontent.com', 'assumerolewithwebidentity'],
  scope: 'file',
  globOptions: ['allowSubjects'],
  appliesTo: appliesToIam,
  check(file, ctx) {
    const given = ctx.options.orgWideSeverity;
    const orgOpt = typeof given === 'string' ? given.toLowerCase() : 'info';
    const orgWide: Severity = (SEVERITIES as readonly string[]).includes(orgOpt) ? (orgOpt as Severity) : 'info';
    const allowSubjects = optList(ctx.options, 'allowSubjects', []);
    const out: RawFinding[] = [];
    for (const policy of iamPolicies(file.path, file.text)) {
      for (const s of policy.statements) {
        if (s.effect !== 'Allow') continue;
        const federated = hasOidcPrincipal(s);
        if (!federated.length) continue;
        const actions = (s.action ?? []).map((a) => a.v.toLowerCase());
        if (actions.length && !actions.some((a) => a === '*' || a === 'sts:*' || a === 'sts:assumerolewithwebidentity' || a.startsWith('sts:assumerole*'))) continue;
        const github = federated.find((f) => f.v.toLowerCase().includes(GITHUB));
        const who = `${s.sid ? `Statement \`${s.sid}\`` : 'A statement'} of \`${policy.owner}\``;
        if (github) {
          const subs = s.conditions.filter((c) => GH_SUB.test(c.key));
          const values = subs.flatMap((c) => c.values).filter((v) => !anyGlob(allowSubjects, v.v));
          let worst: Verdict | undefined;
          if (!subs.length) {
            const pinned = s.conditions.some((c) => /:(?:repository|repository_id|job_workflow_ref)$/i.test(c.key) && c.values.some((v) => v.dynamic || !/[*?]/.test(v.v)));
            worst = pinned
              ? { severity: 'medium', why: 'there is no `sub` condition (only a repository claim, which AWS does not check for every token)' }
              : { severity: 'critical', why: 'there is no `token.actions.githubusercontent.com:sub` condition, so a workflow in any GitHub repository can assume it' };
          } else {
            for (const v of values) {
              const verdict = judgeGithubSub(v, orgWide);
              if (verdict && (!worst || RANK[verdict.severity] > RANK[worst.severity])) worst = verdict;
            }
          }
          const auds = s.conditions.filter((c) => GH_AUD.test(c.key)).flatMap((c) => c.values);
          const badAud = auds.find((a) => !a.dynamic && a.v.trim() === '*');
          if (!worst && badAud) worst = { severity: 'low', why: '`token.actions.githubusercontent.com:aud` is `*`; it should be `sts.amazonaws.com`', at: badAud };
          if (!worst) continue;
          const at = worst.at ?? github;
          out.push({
            line: at.line,
            column: at.column,
            message: `${who} lets GitHub Actions OIDC tokens assume the role: ${worst.why}.`,
            construct: `aws-oidc:${statementKey(s)}`,
            severity: worst.severity,
            remediation:
              worst.severity === 'low'
                ? 'Set the `token.actions.githubusercontent.com:aud` condition to `sts.amazonaws.com`.'
                : 'Pin `token.actions.githubusercontent.com:sub` with `StringEquals`/`StringLike` to one repository — `repo:<owner>/<repo>:ref:refs/heads/main` or `repo:<owner>/<repo>:environment:<env>` — and set `token.actions.githubusercontent.com:aud` to `sts.amazonaws.com`.',
          });
          continue;
        }
        // Other OIDC issuers: a `<issuer>:sub` condition that is not a bare wildcard.
        const issuer = federated.map((f) => issuerOf(f.v)).find((i) => i && !/^cognito-identity|^accounts\.google\.com|^graph\.facebook|^www\.amazon\.com/.test(i));
        if (!issuer) continue;
        const subs = s.conditions.filter((c) => c.key.toLowerCase().endsWith(':sub') && (c.key.toLowerCase().startsWith(issuer.split('/')[0]!) || c.key.toLowerCase().startsWith(issuer)));
        const star = subs.flatMap((c) => c.values).find((v) => !v.dynamic && /^\*+$/.test(v.v.trim()));
        if (subs.length && !star) continue;
        const at = star ?? federated[0]!;
        out.push({
          line: at.line,
          column: at.column,
          message: `${who} lets OIDC tokens from \`${issuer}\` assume the role ${star ? 'for any subject (`sub` = `*`)' : 'without a `sub` condition'}: any workload that can get a token from that issuer can use it.`,
          construct: `aws-oidc:${statementKey(s)}`,
          severity: 'high',
          remediation: `Add a \`StringEquals\` condition on \`${issuer}:sub\` naming the one project, workspace or service account allowed (e.g. \`system:serviceaccount:<namespace>:<name>\` for EKS, \`project_path:<group>/<project>:ref_type:branch:ref:main\` for GitLab), and on \`${issuer}:aud\`.`,
        });
      }
    }
    return out;
  },
};

export default rule;
