/**
 * AWS identity policies that allow too much on `Allow` statements — one finding per statement, at its
 * most severe problem:
 *
 * - `"Action": "*"` — critical when the resource is `*` too and there is no condition (full
 *   administrator), high otherwise; `Allow` + `NotAction` (everything but a few) — high;
 * - whole-service wildcards on services that administer access (`iam:*`, `organizations:*`, `sso:*`):
 *   the holder can grant itself anything — critical on `*`, high on specific ARNs;
 * - resource-scopable actions on every resource (`"Resource": "*"` or `NotResource`, no condition): a
 *   whole service (`s3:*`) — high; reads of stored data or secrets (`s3:GetObject`, `ssm:GetParameter*`,
 *   `secretsmanager:GetSecretValue`), `kms:Decrypt` (whatever any key encrypted), exports (`Export…`) and
 *   other writes — medium; plain reads (`ec2:Describe*`, `dynamodb:GetItem`, and reads whose verb does not
 *   say so: `ecr:BatchCheckLayerAvailability`, `eks:Access*`, `logs:StartQuery`) — info, off in the default policy (KICS and the CIS benchmark accept narrow
 *   reads on `*`; checkov's CKV_AWS_355 does not: turn the rule to `warn` with `ignoreReadOnly: false`
 *   to see them). Actions AWS cannot scope to a resource (`s3:ListAllMyBuckets`,
 *   `xray:PutTraceSegments`, `ecr:GetAuthorizationToken`) and actions of unknown services are fine on `*`;
 * - other whole-service wildcards on specific ARNs (`s3:*` on one bucket) — info, off in the default
 *   policy (checkov and KICS accept them).
 *
 * Escalation, credential and permission-management actions on `*` (`iam:PassRole`,
 * `iam:CreateAccessKey`, …) are reported by `scopes/aws-iam-privilege-escalation` instead. Terraform
 * (`aws_iam_*policy`, `aws_ssoadmin_permission_set_inline_policy`, `aws_iam_role` inline policies,
 * `data "aws_iam_policy_document"`), CloudFormation and standalone JSON policies; `Deny` statements,
 * trust policies and resource policies are skipped.
 *
 * ```yaml
 * rules:
 *   scopes/aws-iam-wildcard:
 *     options:
 *       allowPolicies: []                 # globs of policy owners allowed to hold wildcards, e.g. [aws_iam_role.break_glass]
 *       allowActions: []                  # action globs accepted on "*", e.g. [logs:CreateLogGroup, cloudwatch:*]
 *       sensitiveServices: [iam, organizations, sso]   # `svc:*` on these is high (critical on "*")
 *       allowServiceWildcards: false      # true, or a list of services whose `svc:*` on specific ARNs is not reported
 *       ignoreReadOnly: false             # true: do not report read-only actions on "*" at all (the info findings)
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { boolean, stringList } from '../../option-schema.js';
import { accessLevel, actionMatches, codeList, DATA_EXFILTRATION, dataExposure, isRestrictable, knownService, suggestActions, suggestResources } from './lib/aws-actions.js';
import { escalationClaims } from './lib/aws-escalation.js';
import { AWS_WILDCARD } from './lib/cloud-controls.js';
import { allResources, appliesToIam, AWS_IAM_KEYWORDS, hasCondition, iamPolicies, standaloneStatementKey, statementKey, type IamStatement, type PStr } from './lib/iam-policy.js';
import { anyGlob, optBool, optBoolOrList, optList } from './lib/rule-options.js';

export const DEFAULT_SENSITIVE_SERVICES: readonly string[] = ['iam', 'organizations', 'sso'];

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** `s3:*`, `s3*`, `s3:*:*` → `s3`; anything else → undefined. */
function serviceWildcard(a: string): string | undefined {
  const m = /^([a-z0-9-]+)(?::\*+|\*)$/i.exec(a);
  return m ? m[1]!.toLowerCase() : undefined;
}

const isAll = (a: string): boolean => a === '*' || a === '*:*';

function resourcesText(s: IamStatement): string {
  if (s.notResource) return 'every resource except a few (`NotResource`)';
  const rs = (s.resource ?? []).map((r) => r.v);
  if (!rs.length) return 'no resource';
  return rs.includes('*') ? 'every resource (`*`)' : codeList(rs, 3);
}

interface Options {
  sensitive: Set<string>;
  allowSvc: { all: boolean; names: Set<string> };
  allowActions: string[];
  ignoreReadOnly: boolean;
}

const rule: Rule = {
  meta: {
    id: 'scopes/aws-iam-wildcard',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'AWS IAM policy allows every action (`*`, `NotAction`, `iam:*`) or resource-scopable actions on every resource (`"Resource": "*"`)',
    controls: [...AWS_WILDCARD],
    remediation:
      'List the actions the workload calls instead of `*` and the ARNs it calls them on instead of `"Resource": "*"` (IAM Access Analyzer can generate both from CloudTrail activity); keep full administrator rights to a break-glass role with MFA, and allow it in the policy if it must stay.',
    options: {
      allowPolicies: stringList('Globs of policy owners allowed to hold wildcards, e.g. `[aws_iam_role.break_glass]`.'),
      allowActions: stringList('Action globs accepted on `"*"`, e.g. `[logs:CreateLogGroup, cloudwatch:*]`.'),
      sensitiveServices: stringList('Services whose `svc:*` is high (critical on `"*"`).', DEFAULT_SENSITIVE_SERVICES),
      allowServiceWildcards: {
        description: '`true`, or a list of services, whose `svc:*` on specific ARNs is not reported.',
        anyOf: [{ type: 'boolean' }, { type: 'string' }, { type: 'array', items: { type: 'string' } }],
        default: false,
      },
      ignoreReadOnly: boolean('Do not report read-only actions on `"*"` at all (the info findings).', false),
    },
  },
  keywords: AWS_IAM_KEYWORDS,
  scope: 'file',
  globOptions: ['allowPolicies', 'allowActions'],
  appliesTo: appliesToIam,
  check(file, ctx) {
    const allowPolicies = optList(ctx.options, 'allowPolicies', []);
    const opts: Options = {
      sensitive: new Set(optList(ctx.options, 'sensitiveServices', DEFAULT_SENSITIVE_SERVICES).map((s) => s.toLowerCase())),
      allowSvc: optBoolOrList(ctx.options, 'allowServiceWildcards'),
      allowActions: optList(ctx.options, 'allowActions', []),
      ignoreReadOnly: optBool(ctx.options, 'ignoreReadOnly', false),
    };
    const out: RawFinding[] = [];
    for (const policy of iamPolicies(file.path, file.text)) {
      if (policy.purpose !== 'identity' || anyGlob(allowPolicies, policy.owner)) continue;
      const claimed = escalationClaims(policy);
      for (const s of policy.statements) {
        if (s.effect !== 'Allow') continue;
        const f = judge(s, opts, claimed);
        if (!f) continue;
        const same = standaloneStatementKey(s);
        if (same !== undefined) f.sameAs = `${same}|${f.construct?.slice(f.construct.lastIndexOf(':') + 1) ?? ''}`;
        out.push(f);
      }
    }
    return out;
  },
};

function judge(s: IamStatement, opts: Options, claimed: Set<string>): RawFinding | undefined {
  const everywhere = allResources(s);
  const unconditioned = !hasCondition(s);
  const where = resourcesText(s);
  const named = s.sid ? `Statement \`${s.sid}\` of \`${s.policy.owner}\`` : `A statement of \`${s.policy.owner}\``;
  const resources = (s.resource ?? []).filter((r) => !r.dynamic && r.v !== '*').map((r) => r.v);
  const key = statementKey(s);
  const literal = (s.action ?? []).filter((a) => !a.dynamic);

  const star = literal.find((a) => isAll(a.v));
  if (star) {
    const admin = everywhere && unconditioned;
    const suggested = suggestActions('*', resources);
    return {
      line: star.line,
      column: star.column,
      message: admin
        ? `${named} allows every action on every resource (\`"Action": "*"\`, \`"Resource": "*"\`): full administrator access.`
        : `${named} allows every action (\`"Action": "*"\`) on ${where}${unconditioned ? '' : ' (with a condition)'}.`,
      construct: `aws-wildcard:${key}:all`,
      severity: admin ? 'critical' : 'high',
      remediation: suggested
        ? `Replace \`"Action": "*"\` with the actions used on ${where}, e.g. ${codeList(suggested, 8)}.`
        : admin
          ? 'Replace `"Action": "*"` and `"Resource": "*"` with the actions and ARNs the workload uses (IAM Access Analyzer policy generation, or an AWS job-function policy such as `ReadOnlyAccess`); keep administrator access to a break-glass role with MFA.'
          : `Replace \`"Action": "*"\` with the actions the workload calls on ${where}.`,
    };
  }

  if (s.notAction) {
    return {
      line: s.actionLine,
      column: 1,
      message: `${named} allows every action except ${codeList(
        s.notAction.map((a) => a.v),
        4,
      )} (\`Allow\` + \`NotAction\`) on ${where}: new AWS services and actions are granted automatically.`,
      construct: `aws-wildcard:${key}:notaction`,
      severity: everywhere && unconditioned ? 'high' : 'medium',
      remediation: 'Replace `NotAction` in an `Allow` statement with an `Action` list of what is needed; to carve out exceptions, add a separate `Deny` statement instead.',
    };
  }

  type Hit = { a: PStr; severity: Severity; kind: 'sensitive' | 'service' | 'data' | 'decrypt' | 'export' | 'write' | 'read' | 'service-scoped'; svc?: string };
  const hits: Hit[] = [];
  for (const a of literal) {
    const svc = serviceWildcard(a.v);
    if (svc && opts.sensitive.has(svc)) {
      hits.push({ a, svc, kind: 'sensitive', severity: everywhere && unconditioned ? 'critical' : 'high' });
      continue;
    }
    if (anyGlob(opts.allowActions, a.v)) continue;
    if (everywhere && unconditioned) {
      if ((!a.v.includes(':') && !svc) || !knownService(a.v)) continue;
      if (!isRestrictable(a.v) || claimed.has(a.v.toLowerCase())) continue;
      if (svc) hits.push({ a, svc, kind: 'service', severity: 'high' });
      else if (DATA_EXFILTRATION.some((d) => actionMatches(a.v, d))) hits.push({ a, kind: 'data', severity: 'medium' });
      else if (dataExposure(a.v)) hits.push({ a, kind: dataExposure(a.v)!, severity: 'medium' });
      else if (accessLevel(a.v) === 'write') hits.push({ a, kind: 'write', severity: 'medium' });
      else if (!opts.ignoreReadOnly) hits.push({ a, kind: 'read', severity: 'info' });
    } else if (svc && !opts.allowSvc.all && !opts.allowSvc.names.has(svc)) {
      hits.push({ a, svc, kind: 'service-scoped', severity: 'info' });
    }
  }
  if (!hits.length) return undefined;
  // The worst first; among equals, reads of secrets and data before writes, writes before exports (the
  // message names the first).
  const KIND: Record<Hit['kind'], number> = { sensitive: 0, service: 1, data: 2, decrypt: 3, write: 4, export: 5, 'service-scoped': 6, read: 7 };
  hits.sort((x, y) => RANK[y.severity] - RANK[x.severity] || KIND[x.kind] - KIND[y.kind] || x.a.line - y.a.line || x.a.column - y.a.column);
  const top = hits[0]!;
  const base = { line: top.a.line, column: top.a.column, severity: top.severity };

  if (top.kind === 'sensitive') {
    return {
      ...base,
      message: `${named} allows every ${top.svc} action (\`${top.a.v}\`) on ${where}: whoever holds it can change permissions, including its own${top.severity === 'critical' ? ' (equivalent to administrator)' : ''}.`,
      construct: `aws-wildcard:${key}:${top.svc}`,
      remediation:
        top.svc === 'iam'
          ? `Replace \`${top.a.v}\` with the IAM actions needed (e.g. \`iam:GetRole\`, and \`iam:PassRole\` on the one role ARN with an \`iam:PassedToService\` condition); keep policy and user management to an administrator role with MFA.`
          : `Replace \`${top.a.v}\` with the ${top.svc} actions needed, on specific ARNs.`,
    };
  }
  if (top.kind === 'service-scoped') {
    const services = hits.map((h) => h.a.v);
    const suggested = suggestActions(top.a.v, resources);
    return {
      ...base,
      confidence: 'medium',
      message: `${named} allows whole services (${codeList(services, 4)}) on ${where}.`,
      construct: `aws-wildcard:${key}:service`,
      remediation: `List the ${top.svc} actions used instead of \`${top.a.v}\`${suggested ? `, e.g. ${codeList(suggested, 8)}` : ''}.`,
    };
  }
  // Resource-scopable actions on every resource.
  const onStar = hits.filter((h) => h.kind !== 'service-scoped');
  const names = onStar.map((h) => h.a.v);
  const shapes = suggestResources(names);
  const svcWild = onStar.find((h) => h.kind === 'service');
  const suggested = svcWild ? suggestActions(svcWild.a.v, []) : undefined;
  const why =
    top.kind === 'service'
      ? ` — \`${top.a.v}\` is every ${top.svc} action`
      : top.kind === 'data'
        ? ` — \`${top.a.v}\` reads stored data or secrets anywhere in the account`
        : top.kind === 'decrypt'
          ? ` — \`${top.a.v}\` decrypts whatever was encrypted under any KMS key whose key policy lets IAM grant it`
          : top.kind === 'export'
            ? ` — \`${top.a.v}\` copies the data of any resource of its type out`
            : top.kind === 'write'
              ? ` — \`${top.a.v}\` changes any resource of its type`
              : ' (read-only)';
  const whereStar = s.notResource ? '`NotResource`' : '`"Resource": "*"`';
  return {
    ...base,
    confidence: s.resource?.some((r) => r.dynamic) ? 'low' : 'medium',
    message: `${named} allows ${codeList(names, 5)} on every resource (${whereStar}, no condition)${why}.`,
    construct: `aws-wildcard:${key}:resource`,
    remediation:
      (shapes.length ? `Scope \`Resource\` to the ARNs used (${shapes.map((x) => `\`${x}\``).join('; ')})` : 'Scope `Resource` to the ARNs used') +
      (suggested && svcWild ? ` and list the actions instead of \`${svcWild.a.v}\` (e.g. ${codeList(suggested, 8)})` : '') +
      ', or add a condition that narrows them (e.g. `aws:ResourceTag/<key>`); keep actions AWS cannot scope to a resource in a statement of their own.',
  };
}

export default rule;
