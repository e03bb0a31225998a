/**
 * AWS resource-based policies with positions: the policy a resource carries about WHO may act on it
 * (S3 bucket policies, KMS key policies, SQS queue and SNS topic policies, ECR repository policies,
 * Secrets Manager resource policies, OpenSearch access policies, EFS file-system policies, CloudWatch
 * Logs resource policies) in Terraform and CloudFormation, plus Lambda permissions (one principal
 * each) and Lambda function URLs (their auth type). `data "aws_iam_policy_document"` blocks with principals are resource policies too (they are
 * read by `iamPolicies`, purpose `resource`). Parsed once per file.
 */
import { attr, parseHcl, type HclBlock, type HclValue } from '../../../parse/hcl.js';
import { LimitExceeded } from '../../../limits.js';
import { iamPolicies, cfnResources, statementsOfDocument, type IamPolicy, type PStr } from './iam-policy.js';
import { branches, fromHcl, fromYaml, parseJsonText, type PNode } from './policy-tree.js';

/** Terraform resource type → the attribute holding its resource policy. */
const TF: Record<string, string> = {
  aws_s3_bucket_policy: 'policy',
  aws_s3_bucket: 'policy',
  aws_kms_key: 'policy',
  aws_kms_key_policy: 'policy',
  aws_sqs_queue_policy: 'policy',
  aws_sqs_queue: 'policy',
  aws_sns_topic_policy: 'policy',
  aws_sns_topic: 'policy',
  aws_ecr_repository_policy: 'policy',
  aws_ecrpublic_repository_policy: 'policy',
  aws_secretsmanager_secret_policy: 'policy',
  aws_secretsmanager_secret: 'policy',
  aws_opensearch_domain_policy: 'access_policies',
  aws_elasticsearch_domain_policy: 'access_policies',
  aws_opensearch_domain: 'access_policies',
  aws_elasticsearch_domain: 'access_policies',
  aws_efs_file_system_policy: 'policy',
  aws_glacier_vault: 'access_policy',
  aws_cloudwatch_log_resource_policy: 'policy_document',
  aws_backup_vault_policy: 'policy',
};

/** CloudFormation resource type → the property holding its resource policy. */
const CFN: Record<string, string> = {
  'AWS::S3::BucketPolicy': 'PolicyDocument',
  'AWS::KMS::Key': 'KeyPolicy',
  'AWS::SQS::QueuePolicy': 'PolicyDocument',
  'AWS::SNS::TopicPolicy': 'PolicyDocument',
  'AWS::ECR::Repository': 'RepositoryPolicyText',
  'AWS::ECR::PublicRepository': 'RepositoryPolicyText',
  'AWS::SecretsManager::ResourcePolicy': 'ResourcePolicy',
  'AWS::OpenSearchService::Domain': 'AccessPolicies',
  'AWS::Elasticsearch::Domain': 'AccessPolicies',
  'AWS::EFS::FileSystem': 'FileSystemPolicy',
  'AWS::Logs::ResourcePolicy': 'PolicyDocument',
  'AWS::Backup::BackupVault': 'AccessPolicy',
};

/** A Lambda permission: one principal, one action. */
export interface LambdaPermission {
  owner: string;
  principal: PStr | undefined;
  action: PStr | undefined;
  /** `source_arn` / `source_account` / `principal_org_id` (or their CloudFormation names) narrow it. */
  narrowed: boolean;
  /** … by an organization id or an event source token: the documented shapes for a `*` principal. */
  orgOnly: boolean;
  /** `function_url_auth_type = "NONE"` (`FunctionUrlAuthType: NONE`): the permission of a public function URL. */
  urlAuthNone: boolean;
  /** The function it is on, as `functionKey` writes it. */
  fn: string | undefined;
  line: number;
  column: number;
}

/**
 * A Lambda function URL and its auth type: `aws_lambda_function_url`, terraform-aws-lambda's
 * `create_lambda_function_url` (whose `authorization_type` defaults to `NONE`), `AWS::Lambda::Url`, and
 * SAM's `FunctionUrlConfig`.
 */
export interface LambdaUrl {
  owner: string;
  /** `NONE`, `AWS_IAM`, or dynamic; where it is written (or the resource, for a module's default). */
  authType: PStr;
  /** The function it is on, as `functionKey` writes it. */
  fn: string | undefined;
}

export interface ResourcePolicies {
  policies: IamPolicy[];
  lambda: LambdaPermission[];
  urls: LambdaUrl[];
}

/**
 * The function a permission or URL is on, written the same way for both: Terraform's
 * `aws_lambda_function.x.function_name` / `.arn` as `aws_lambda_function.x`; CloudFormation's `!Ref X`,
 * `!GetAtt X.Arn`, `{"Ref": "X"}`, `{"Fn::GetAtt": ["X", "Arn"]}` as `X`; a literal name as is.
 */
export function functionKey(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim();
  const cfn = /^(?:!Ref|!GetAtt|\{?\s*"?(?:Ref|Fn::GetAtt)"?\s*:\s*\[?)\s*["']?([A-Za-z0-9]+)/.exec(t);
  if (cfn) return cfn[1];
  return t.replace(/^["']|["']$/g, '').replace(/\.(?:function_name|arn|qualified_arn|id|lambda_function_name|lambda_function_arn)$/i, '');
}

const str = (v: HclValue | undefined): PStr | undefined =>
  v && (v.kind === 'string' || v.kind === 'template')
    ? { v: v.value, line: v.pos.line, column: v.pos.column, dynamic: v.kind === 'template' }
    : v
      ? { v: v.kind === 'expr' ? v.text : '', line: v.pos.line, column: v.pos.column, dynamic: true }
      : undefined;

let cache: { path: string; text: string; result: ResourcePolicies } | undefined;

export function resourcePolicies(path: string, text: string): ResourcePolicies {
  if (cache && cache.path === path && cache.text === text) return cache.result;
  const result: ResourcePolicies = { policies: [], lambda: [], urls: [] };
  try {
    if (/\.tf$/i.test(path)) fromTerraform(text, result);
    else if (/\.(?:ya?ml|json|template)$/i.test(path) && /AWS::/.test(text)) fromCloudFormation(path, text, result);
  } catch (e) {
    if (e instanceof LimitExceeded || (e instanceof Error && /initEngine/.test(e.message))) throw e;
  }
  // Policy documents written as data sources, with principals.
  for (const p of iamPolicies(path, text)) if (p.purpose === 'resource' && p.ownerType === 'aws_iam_policy_document') result.policies.push(p);
  cache = { path, text, result };
  return result;
}

function fromTerraform(text: string, out: ResourcePolicies): void {
  const file = parseHcl(text);
  for (const b of file?.root.blocks ?? []) {
    if (b.type === 'module') lambdaModuleUrl(b, out);
    if (b.type !== 'resource') continue;
    const [type, name] = b.labels;
    if (!type || name === undefined) continue;
    const owner = `${type}.${name}`;
    if (type === 'aws_lambda_permission') {
      out.lambda.push({
        owner,
        principal: str(attr(b, 'principal')?.value),
        action: str(attr(b, 'action')?.value),
        narrowed: ['source_arn', 'source_account', 'principal_org_id', 'event_source_token'].some((a) => attr(b, a) !== undefined),
        orgOnly: ['principal_org_id', 'event_source_token'].some((a) => attr(b, a) !== undefined),
        urlAuthNone: str(attr(b, 'function_url_auth_type')?.value)?.v === 'NONE',
        fn: functionKey(str(attr(b, 'function_name')?.value)?.v),
        line: b.pos.line,
        column: b.pos.column,
      });
      continue;
    }
    if (type === 'aws_lambda_function_url') {
      const auth = str(attr(b, 'authorization_type')?.value);
      if (auth) out.urls.push({ owner, authType: auth, fn: functionKey(str(attr(b, 'function_name')?.value)?.v) });
      continue;
    }
    const key = TF[type];
    const a = key ? attr(b, key) : undefined;
    if (!a) continue;
    const tree = fromHcl(a.value, text, { parseStrings: true });
    if (tree.k !== 'obj') continue;
    const policy: IamPolicy = { format: 'terraform', owner, ownerType: type, purpose: 'resource', holder: 'unknown', line: a.value.pos.line, statements: [] };
    statementsOfDocument(policy, tree);
    out.policies.push(policy);
  }
}

/**
 * terraform-aws-lambda's function URL: `create_lambda_function_url = true` (or the unqualified alias's),
 * with `authorization_type`, whose default in that module is `NONE`.
 */
function lambdaModuleUrl(b: HclBlock, out: ResourcePolicies): void {
  const on = ['create_lambda_function_url', 'create_unqualified_alias_lambda_function_url'].some((n) => {
    const v = attr(b, n)?.value;
    return v?.kind === 'bool' && v.value;
  });
  if (!on) return;
  const auth = str(attr(b, 'authorization_type')?.value);
  const source = attr(b, 'source')?.value;
  const lambdaModule = source?.kind === 'string' && /terraform-aws-modules\/lambda\/aws|terraform-aws-lambda/.test(source.value);
  const owner = `module.${b.labels[0] ?? ''}`;
  if (auth) out.urls.push({ owner, authType: auth, fn: owner });
  else if (lambdaModule) out.urls.push({ owner, authType: { v: 'NONE', line: b.pos.line, column: b.pos.column, dynamic: false }, fn: owner });
}

function fromCloudFormation(path: string, text: string, out: ResourcePolicies): void {
  for (const r of cfnResources(text, path)) {
    const { doc } = r;
    if (r.type === 'AWS::Lambda::Permission') {
      const p = doc.get(r.properties, 'Principal');
      const a = doc.get(r.properties, 'Action');
      const at = (n: typeof p): PStr | undefined => {
        const s = doc.str(n);
        const pos = doc.pos(n);
        return pos ? { v: s ?? '', line: pos.line, column: pos.column, dynamic: s === undefined } : undefined;
      };
      out.lambda.push({
        owner: r.id,
        principal: at(p),
        action: at(a),
        narrowed: ['SourceArn', 'SourceAccount', 'PrincipalOrgID', 'EventSourceToken'].some((k) => doc.has(r.properties, k)),
        orgOnly: ['PrincipalOrgID', 'EventSourceToken'].some((k) => doc.has(r.properties, k)),
        urlAuthNone: doc.str(doc.get(r.properties, 'FunctionUrlAuthType')) === 'NONE',
        fn: functionKey(doc.source(doc.get(r.properties, 'FunctionName'))),
        line: r.line,
        column: 1,
      });
      continue;
    }
    // A function URL: `AWS::Lambda::Url` on `TargetFunctionArn`, or SAM's `FunctionUrlConfig` of the function itself.
    const url =
      r.type === 'AWS::Lambda::Url'
        ? { auth: doc.get(r.properties, 'AuthType'), fn: functionKey(doc.source(doc.get(r.properties, 'TargetFunctionArn'))) }
        : r.type === 'AWS::Serverless::Function'
          ? { auth: doc.get(r.properties, 'FunctionUrlConfig', 'AuthType'), fn: r.id }
          : undefined;
    if (url) {
      const pos = doc.pos(url.auth);
      const v = doc.str(url.auth);
      if (pos) out.urls.push({ owner: r.id, authType: { v: v ?? '', line: pos.line, column: pos.column, dynamic: v === undefined }, fn: url.fn });
      continue;
    }
    const key = CFN[r.type];
    if (!key) continue;
    for (const node of branches(doc, doc.get(r.properties, key))) {
      let tree: PNode = fromYaml(doc, node);
      // A policy written as a JSON string (`RepositoryPolicyText`, Logs `PolicyDocument`).
      if (tree.k === 'str' && /^\s*\{/.test(tree.v)) {
        const parsed = parseJsonText(tree.v);
        if (parsed) tree = shift(parsed, tree.line - 1);
      }
      if (tree.k !== 'obj') continue;
      const policy: IamPolicy = { format: 'cloudformation', owner: r.id, ownerType: r.type, purpose: 'resource', holder: 'unknown', line: tree.line, statements: [] };
      statementsOfDocument(policy, tree);
      out.policies.push(policy);
    }
  }
}

/** Lines of a JSON string parsed on its own, moved to where the string starts. */
function shift(n: PNode, by: number): PNode {
  if (n.k === 'arr') return { ...n, line: n.line + by, items: n.items.map((i) => shift(i, by)) };
  if (n.k === 'obj') return { ...n, line: n.line + by, entries: n.entries.map((e) => ({ ...e, line: e.line + by, value: shift(e.value, by) })) };
  return { ...n, line: n.line + by };
}

export const RESOURCE_POLICY_KEYWORDS: readonly string[] = [
  '_policy',
  'aws_kms_key',
  'aws_sqs_queue',
  'aws_sns_topic',
  'aws_s3_bucket',
  'aws_secretsmanager_secret',
  'aws_lambda_permission',
  'aws_lambda_function_url',
  'create_lambda_function_url',
  'aws_glacier_vault',
  'aws_opensearch_domain',
  'aws_elasticsearch_domain',
  'aws_iam_policy_document',
  'aws::s3::',
  'aws::kms::',
  'aws::sqs::',
  'aws::sns::',
  'aws::ecr::',
  'aws::secretsmanager::',
  'aws::lambda::permission',
  'aws::lambda::url',
  'functionurlconfig',
  'aws::opensearchservice::',
  'aws::elasticsearch::',
  'aws::efs::',
  'aws::logs::',
  'aws::backup::',
];
