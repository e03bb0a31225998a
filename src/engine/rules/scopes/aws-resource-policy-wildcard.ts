/**
 * AWS resource-based policies that open a resource to anyone or allow every action on it — one finding
 * per `Allow` statement, at its worst problem:
 *
 * - a wildcard principal (`"Principal": "*"`, `{"AWS": "*"}`, Terraform `principals { type = "*" }` or
 *   `identifiers = ["*"]`) with no `Condition` narrowing it (`aws:SourceArn`, `aws:SourceAccount`,
 *   `aws:PrincipalOrgID`, `aws:SourceVpce` …): every AWS account — or the whole internet — may call the
 *   actions; critical when the actions are `*` too, high otherwise. A condition pins nobody when it is
 *   negated (`StringNotEquals`: everyone else), uses `ForAllValues:` on a single-valued key (true when the
 *   key is absent, as `aws:PrincipalOrgID` is for a caller outside any organization: IAM's documented
 *   pitfall), or compares with a wildcard (`arn:aws:iam::*`); a principal ARN with `*` for its account
 *   (`arn:aws:iam::*:role/x`, which AWS rejects) is read as every account's;
 * - `"Action": "*"` (every action of every service): high; a whole-service wildcard (`s3:*`, `sqs:*`,
 *   `sns:*`, `ecr:*`, `secretsmanager:*`): medium. `kms:*` in a KMS key policy is AWS's own default key
 *   policy (the account's administrators) and is not reported; nor is `kms:*` granted, in a policy
 *   document of KMS actions only (a key policy written as `data "aws_iam_policy_document"`), to the root
 *   of the account that runs the template (`arn:…:iam::${data.aws_caller_identity.current.account_id}:root`,
 *   `${AWS::AccountId}`, a local that resolves to one): that statement ("Enable IAM User Permissions")
 *   delegates the key to the account's IAM policies, it grants no one anything by itself. A literal or
 *   variable account, or `*`, is still reported.
 *
 * S3 bucket, KMS key, SQS queue, SNS topic, ECR repository, Secrets Manager, OpenSearch, EFS, Glacier,
 * Backup vault and CloudWatch Logs resource policies in Terraform (`policy = jsonencode(…)`, heredocs,
 * `data "aws_iam_policy_document"`) and CloudFormation (YAML short forms, JSON, JSON strings); and Lambda
 * permissions (`aws_lambda_permission`, `AWS::Lambda::Permission`) whose principal is `*` (high), or an
 * AWS service without `source_arn`/`source_account` (medium: any account's resource of that service can
 * invoke the function); and Lambda function URLs with auth type `NONE` (`aws_lambda_function_url`,
 * terraform-aws-lambda's `create_lambda_function_url`, `AWS::Lambda::Url`, SAM `FunctionUrlConfig`): high,
 * as a `*` permission is — anyone on the internet can invoke the function. The `*` permission written for
 * such a URL (`function_url_auth_type = "NONE"`) on the same function is that grant: it is named in the
 * URL's finding, not reported again. A URL with `AWS_IAM` (CORS or not) passes. `Deny` statements are never reported.
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
import type { IamStatement, PStr } from './lib/iam-policy.js';
import { resourcePolicies, RESOURCE_POLICY_KEYWORDS } from './lib/resource-policy.js';
import { anyGlob, optList } from './lib/rule-options.js';
import { parseHcl, type HclValue } from '../../parse/hcl.js';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** Condition keys that restrict who the wildcard principal can be. */
const NARROWING =
  /^aws:(?:SourceArn|SourceAccount|SourceOwner|SourceOrgID|SourceOrgPaths|PrincipalOrgID|PrincipalOrgPaths|PrincipalAccount|PrincipalArn|SourceVpce?|SourceVpcArn|VpceAccount|VpceOrgID|VpceOrgPaths|SourceIp|VpcSourceIp|userid|username|PrincipalServiceName|CalledVia)$|^(?:kms:CallerAccount|kms:ViaService|s3:DataAccessPointAccount|s3:DataAccessPointArn|elasticfilesystem:AccessPointArn|sns:Endpoint|lambda:FunctionUrlAuthType)$/i;

/** An account written as a wildcard inside an ARN (`arn:aws:iam::*:role/x`): every account's principal of that name. */
const ANY_ACCOUNT_ARN = /^arn:aws[\w-]*:(?:iam|sts)::\*(?::|$)/i;

/** The wildcard principal of a statement, and whether it is an ARN with `*` for its account (AWS rejects those). */
function wildcardPrincipal(s: IamStatement): { line: number; column: number; inArn?: string } | undefined {
  for (const p of s.principals) {
    if (p.type === '*') return p.values[0] ?? { line: s.line, column: s.column };
    if (p.type === 'AWS' || p.type === '?') {
      const star = p.values.find((v) => !v.dynamic && v.v === '*');
      if (star) return star;
      const arn = p.values.find((v) => !v.dynamic && ANY_ACCOUNT_ARN.test(v.v));
      if (arn) return { line: arn.line, column: arn.column, inArn: arn.v };
    }
  }
  return undefined;
}

/**
 * A condition pins the caller when it tests a key that says who calls (or from where) positively, with a
 * value that is not itself a wildcard. Not: a negated operator (`StringNotEquals`: everyone else), a
 * `ForAllValues:` set operator on a single-valued key (true when the key is absent, as for every caller
 * outside the organization), or a value such as `*` / `arn:aws:iam::*`.
 */
const narrowed = (s: IamStatement): boolean => s.conditions.some((c) => NARROWING.test(c.key) && !whyNotPinning(c));

/** Why a condition on a key that names the caller still pins nobody, or undefined when it pins. */
function whyNotPinning(c: IamStatement['conditions'][number]): string | undefined {
  if (/Not/i.test(c.operator)) return `\`${c.operator}\` on \`${c.key}\` admits every caller but the ones it names`;
  if (/^ForAllValues:/i.test(c.operator)) return `\`${c.operator}\` on \`${c.key}\` is true when the key is absent from the request, as it is for callers outside what it names`;
  const wild = (v: string): boolean => v === '*' || ANY_ACCOUNT_ARN.test(v) || /^\*+[:/]?\*?$/.test(v);
  if (c.values.length > 0 && c.values.every((v) => !v.dynamic && wild(v.v))) return `\`${c.key}\` is compared with a wildcard (\`${c.values[0]!.v}\`)`;
  return undefined;
}

/** The source of the expression that starts at 1-based (line, column): to the first `,` or newline outside brackets. */
function exprSource(lines: readonly string[], line: number, column: number): string {
  let out = '';
  let depth = 0;
  let quote = false;
  for (let l = line - 1; l < lines.length && l < line + 20; l++) {
    const text = l === line - 1 ? (lines[l] ?? '').slice(Math.max(0, column - 1)) : (lines[l] ?? '');
    for (const ch of text) {
      if (quote) {
        if (ch === '"') quote = false;
      } else if (ch === '"') quote = true;
      else if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') {
        if (depth === 0) return out;
        depth--;
      } else if (ch === ',' && depth === 0) return out;
      out += ch;
    }
    if (depth === 0 && !quote) return out;
    out += '\n';
  }
  return out;
}

/** Terraform `locals { name = … }` of a file: name → source text of the value. */
function hclLocals(text: string, lines: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  let file;
  try {
    file = parseHcl(text);
  } catch {
    return out;
  }
  const source = (v: HclValue): string => {
    if (v.kind === 'string' || v.kind === 'template') return v.value;
    if (v.kind === 'expr') return v.text;
    return exprSource(lines, v.pos.line, v.pos.column);
  };
  for (const b of file?.root.blocks ?? []) if (b.type === 'locals') for (const a of b.attributes) out.set(a.name, source(a.value));
  return out;
}

/** The current account, as Terraform (`aws_caller_identity`) and CloudFormation (`AWS::AccountId`) name it. */
const CURRENT_ACCOUNT = /\baws_caller_identity\b|AWS::AccountId\b/;

/**
 * Whether an `AWS` principal is the root of the account that deploys the policy (`arn:<partition>:iam::<this
 * account>:root`, or the bare account id): `local.x` references are followed (a few levels) in Terraform.
 * A literal account id or a variable may be any account and does not count.
 */
function currentAccountRoot(v: PStr, lines: readonly string[], locals: () => Map<string, string>): boolean {
  if (!v.dynamic) return false;
  let src = `${v.v} ${exprSource(lines, v.line, v.column)}`;
  for (let i = 0; i < 4 && /\blocal\.\w+/.test(src); i++) src = src.replace(/\blocal\.(\w+)/g, (m, name: string) => locals().get(name) ?? m);
  if (!CURRENT_ACCOUNT.test(src)) return false;
  // An ARN must name the account root; a bare account id (no ARN) is the root too.
  if (/arn:/i.test(src)) return /:root\b/.test(src) && !/:(?:role|user|group|assumed-role|federated-user)\//i.test(src);
  return /\.account_id\b|AWS::AccountId/.test(src);
}

/** A key-policy statement that hands the key to the deploying account's IAM (AWS's default key policy). */
function defaultKeyPolicy(s: IamStatement, lines: readonly string[], locals: () => Map<string, string>): boolean {
  const actions = s.action ?? [];
  if (!actions.length || actions.some((a) => a.dynamic || !/^kms:/i.test(a.v)) || s.notPrincipal || !s.principals.length) return false;
  return s.principals.every((p) => (p.type === 'AWS' || p.type === '?') && p.values.length > 0 && p.values.every((v) => currentAccountRoot(v, lines, locals)));
}

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
    const { policies, lambda, urls } = resourcePolicies(file.path, file.text);
    const out: RawFinding[] = [];
    const lines = file.text.split('\n');
    let localsMap: Map<string, string> | undefined;
    const locals = (): Map<string, string> => (localsMap ??= /\.tf$/i.test(file.path) ? hclLocals(file.text, lines) : new Map<string, string>());
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
        const keyAdmin = kms || defaultKeyPolicy(s, lines, locals);
        const service = actions.find((a) => /^[a-z0-9-]+:\*$/i.test(a.v) && !(keyAdmin && /^kms:\*$/i.test(a.v)));
        const principal = s.notPrincipal ? { line: s.line, column: s.column } : wildcardPrincipal(s);
        const label = `${policy.owner}${s.sid ? ` (statement \`${s.sid}\`)` : ''}`;
        if (principal && !narrowed(s)) {
          consider(
            all ? 'critical' : 'high',
            principal,
            `\`${label}\` allows ${
              s.notPrincipal
                ? 'everyone but the principals it names (`NotPrincipal`)'
                : principal.inArn
                  ? `any account's principal (\`${principal.inArn}\`: AWS rejects a wildcard inside a principal ARN, and as meant it names that role in every account)`
                  : 'any principal (`*`)'
            } ${
              all
                ? 'every action (`*`)'
                : `\`${
                    actions
                      .slice(0, 3)
                      .map((a) => a.v)
                      .join('`, `') || 'its actions'
                  }\``
            } with no condition pinning the caller${(() => {
              const weak = s.conditions
                .filter((c) => NARROWING.test(c.key))
                .map(whyNotPinning)
                .find(Boolean);
              return weak ? ` (${weak})` : '';
            })()}: any AWS account${/s3|sqs|sns|opensearch|elasticsearch/i.test(policy.ownerType) ? ', or anyone on the internet,' : ''} can call it.`,
          );
        }
        if (all) consider('high', all, `\`${label}\` allows every action (\`"Action": "*"\`) on the resource to ${principal ? 'any principal' : 'its principals'}.`);
        else if (service) consider('medium', service, `\`${label}\` allows every \`${service.v.split(':')[0]}\` action (\`${service.v}\`) on the resource, not just the ones its principals call.`);
        if (!worst) continue;
        const w = worst as { severity: Severity; at: { line: number; column: number }; message: string };
        out.push({ line: w.at.line, column: w.at.column, message: w.message, construct: `resource-policy:${policy.owner}#${s.sid ?? s.index}`, severity: w.severity });
      }
    }
    // A function URL without auth: Lambda (or SAM, or the module) adds the public permission itself.
    const publicUrls = urls.filter((u) => !u.authType.dynamic && u.authType.v === 'NONE');
    for (const u of publicUrls) {
      if (anyGlob(allow, u.owner)) continue;
      // The `*` permission written for it (`function_url_auth_type = "NONE"`) is the same grant: named here, not reported again.
      const perm = lambda.find((p) => p.urlAuthNone && p.principal?.v === '*' && p.fn !== undefined && p.fn === u.fn);
      out.push({
        line: u.authType.line,
        column: u.authType.column,
        message: `\`${u.owner}\` is a function URL with no authentication (auth type \`NONE\`): anyone on the internet who has the URL can invoke the function${perm ? ` (with the public permission \`${perm.owner}\`)` : ''}.`,
        construct: `lambda-url:${u.owner}`,
        severity: 'high',
        remediation:
          'Set the function URL’s auth type to `AWS_IAM` and sign requests (SigV4), or put it behind CloudFront with origin access control; if it must stay public (a webhook), verify every request in the function (a signature or token) and allow-list it with `allowPolicies`.',
      });
    }
    for (const p of lambda) {
      if (anyGlob(allow, p.owner) || !p.principal || p.principal.dynamic) continue;
      if (p.urlAuthNone && p.principal.v === '*' && publicUrls.some((u) => p.fn !== undefined && u.fn === p.fn)) continue;
      const at = p.principal;
      if (p.principal.v === '*') {
        if (p.narrowed) {
          // `*` kept in check by a source ARN or account: only a service acting for that resource can
          // call, but the principal still says anyone (an organization id is the documented shape: fine).
          if (!p.orgOnly) {
            out.push({
              line: at.line,
              column: at.column,
              message: `\`${p.owner}\` lets any principal (\`*\`) invoke the function, kept in check only by its source ARN or account: name the service that calls it instead.`,
              construct: `lambda-permission:${p.owner}`,
              severity: 'low',
              remediation: 'Set `principal` to the service principal that invokes the function (e.g. `s3.amazonaws.com`, `events.amazonaws.com`), keeping `source_arn` and `source_account`.',
            });
          }
          continue;
        }
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
