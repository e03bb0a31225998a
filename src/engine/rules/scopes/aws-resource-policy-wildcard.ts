/**
 * AWS resource-based policies that open a resource to anyone or allow every action on it — one finding
 * per `Allow` statement, at its worst problem:
 *
 * - a wildcard principal (`"Principal": "*"`, `{"AWS": "*"}`, Terraform `principals { type = "*" }` or
 *   `identifiers = ["*"]`) with no `Condition` narrowing it (`aws:SourceArn`, `aws:SourceAccount`,
 *   `aws:PrincipalOrgID`, `aws:SourceVpce` …): every AWS account — or the whole internet — may call the
 *   actions; critical when the actions are `*` too, high otherwise;
 * - `"Action": "*"` (every action of every service): high; a whole-service wildcard (`s3:*`, `sqs:*`,
 *   `sns:*`, `ecr:*`, `secretsmanager:*`): medium. `kms:*` in a KMS key policy is AWS's own default key
 *   policy (the account's administrators) and is not reported.
 *
 * S3 bucket, KMS key, SQS queue, SNS topic, ECR repository, Secrets Manager, OpenSearch, EFS, Glacier,
 * Backup vault and CloudWatch Logs resource policies in Terraform (`policy = jsonencode(…)`, heredocs,
 * `data "aws_iam_policy_document"`) and CloudFormation (YAML short forms, JSON, JSON strings); and Lambda
 * permissions (`aws_lambda_permission`, `AWS::Lambda::Permission`) whose principal is `*` (high), or an
 * AWS service without `source_arn`/`source_account` (medium: any account's resource of that service can
 * invoke the function). `Deny` statements are never reported.
 *
 * ```yaml
 * rules:
 *   scopes/aws-resource-policy-wildcard:
 *     options:
 *       allowPolicies: []   # globs of policy owners allowed to be public, e.g. [aws_s3_bucket_policy.website]
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { AWS_WILDCARD } from './lib/cloud-controls.js';
import type { IamStatement } from './lib/iam-policy.js';
import { resourcePolicies, RESOURCE_POLICY_KEYWORDS } from './lib/resource-policy.js';
import { anyGlob, optList } from './lib/rule-options.js';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** Condition keys that restrict who the wildcard principal can be. */
const NARROWING =
  /^aws:(?:SourceArn|SourceAccount|SourceOwner|SourceOrgID|SourceOrgPaths|PrincipalOrgID|PrincipalOrgPaths|PrincipalAccount|PrincipalArn|SourceVpce?|SourceIp|VpcSourceIp|userid|username|PrincipalServiceName|CalledVia)$|^(?:kms:CallerAccount|kms:ViaService|s3:DataAccessPointAccount|s3:DataAccessPointArn|elasticfilesystem:AccessPointArn|sns:Endpoint|lambda:FunctionUrlAuthType)$/i;

function wildcardPrincipal(s: IamStatement): { line: number; column: number } | undefined {
  for (const p of s.principals) {
    if (p.type === '*') return p.values[0] ?? { line: s.line, column: s.column };
    if (p.type === 'AWS' || p.type === '?') {
      const star = p.values.find((v) => !v.dynamic && v.v === '*');
      if (star) return star;
    }
  }
  return undefined;
}

const narrowed = (s: IamStatement): boolean => s.conditions.some((c) => NARROWING.test(c.key));

const rule: Rule = {
  meta: {
    id: 'scopes/aws-resource-policy-wildcard',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'AWS resource policy (S3, KMS, SQS, SNS, Lambda, ECR, Secrets Manager …) allows any principal (`*`) or every action',
    controls: [...AWS_WILDCARD],
    remediation:
      'Name the principals that need the resource (account, role or service ARNs) instead of `*`, or keep `*` only with a condition that pins the caller (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID`); list the actions they call instead of `*`.',
    options: {
      allowPolicies: stringList('Globs of policy owners allowed to be public, e.g. `[aws_s3_bucket_policy.website]`.'),
    },
  },
  keywords: RESOURCE_POLICY_KEYWORDS,
  scope: 'file',
  globOptions: ['allowPolicies'],
  appliesTo: (p) => /\.(?:tf|ya?ml|json|template)$/i.test(p),
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowPolicies', []);
    const { policies, lambda } = resourcePolicies(file.path, file.text);
    const out: RawFinding[] = [];
    for (const policy of policies) {
      if (anyGlob(allow, policy.owner)) continue;
      const kms = /kms/i.test(policy.ownerType);
      for (const s of policy.statements) {
        if (s.effect !== 'Allow') continue;
        let worst: { severity: Severity; at: { line: number; column: number }; message: string } | undefined;
        const consider = (severity: Severity, at: { line: number; column: number }, message: string): void => {
          if (!worst || RANK[severity] > RANK[worst.severity]) worst = { severity, at, message };
        };
        const actions = (s.action ?? []).filter((a) => !a.dynamic);
        const all = actions.find((a) => a.v === '*' || a.v === '*:*');
        const service = actions.find((a) => /^[a-z0-9-]+:\*$/i.test(a.v) && !(kms && /^kms:\*$/i.test(a.v)));
        const principal = s.notPrincipal ? { line: s.line, column: s.column } : wildcardPrincipal(s);
        const label = `${policy.owner}${s.sid ? ` (statement \`${s.sid}\`)` : ''}`;
        if (principal && !narrowed(s)) {
          consider(
            all ? 'critical' : 'high',
            principal,
            `\`${label}\` allows ${s.notPrincipal ? 'everyone but the principals it names (`NotPrincipal`)' : 'any principal (`*`)'} ${
              all
                ? 'every action (`*`)'
                : `\`${
                    actions
                      .slice(0, 3)
                      .map((a) => a.v)
                      .join('`, `') || 'its actions'
                  }\``
            } with no condition pinning the caller: any AWS account${/s3|sqs|sns|opensearch|elasticsearch/i.test(policy.ownerType) ? ', or anyone on the internet,' : ''} can call it.`,
          );
        }
        if (all) consider('high', all, `\`${label}\` allows every action (\`"Action": "*"\`) on the resource to ${principal ? 'any principal' : 'its principals'}.`);
        else if (service) consider('medium', service, `\`${label}\` allows every \`${service.v.split(':')[0]}\` action (\`${service.v}\`) on the resource, not just the ones its principals call.`);
        if (!worst) continue;
        const w = worst as { severity: Severity; at: { line: number; column: number }; message: string };
        out.push({ line: w.at.line, column: w.at.column, message: w.message, construct: `resource-policy:${policy.owner}#${s.sid ?? s.index}`, severity: w.severity });
      }
    }
    for (const p of lambda) {
      if (anyGlob(allow, p.owner) || !p.principal || p.principal.dynamic) continue;
      const at = p.principal;
      if (p.principal.v === '*') {
        if (p.narrowed) continue;
        out.push({
          line: at.line,
          column: at.column,
          message: `\`${p.owner}\` lets any principal (\`*\`) invoke the function, with no source ARN or account.`,
          construct: `lambda-permission:${p.owner}`,
          severity: 'high',
        });
      } else if (/\.amazonaws\.com$/i.test(p.principal.v) && !p.narrowed) {
        out.push({
          line: at.line,
          column: at.column,
          message: `\`${p.owner}\` lets \`${p.principal.v}\` invoke the function without \`source_arn\` or \`source_account\`: that service acting for ANY account can invoke it (confused deputy).`,
          construct: `lambda-permission:${p.owner}`,
          severity: 'medium',
          remediation: 'Add `source_arn` (the bucket, topic, rule or API that calls the function) and `source_account` to the permission.',
        });
      }
      if (p.action && !p.action.dynamic && /^(?:\*|lambda:\*)$/.test(p.action.v)) {
        out.push({
          line: p.action.line,
          column: p.action.column,
          message: `\`${p.owner}\` allows every Lambda action (\`${p.action.v}\`) instead of \`lambda:InvokeFunction\`.`,
          construct: `lambda-permission-action:${p.owner}`,
          severity: 'medium',
        });
      }
    }
    return out;
  },
};

export default rule;
