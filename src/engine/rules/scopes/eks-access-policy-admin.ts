/**
 * EKS access entries that give an IAM principal administration of the whole cluster: an access policy
 * association of `AmazonEKSClusterAdminPolicy` (the `cluster-admin` ClusterRole's rights) or
 * `AmazonEKSAdminPolicy` (the `admin` ClusterRole's, in every namespace) with an access scope of type
 * `cluster` (docs.aws.amazon.com/eks/latest/userguide/access-policies.html). The EKS authorizer grants it
 * before RBAC: no binding in the cluster shows it, and `kubectl` cannot take it away. It is the API-based
 * successor of the `aws-auth` `system:masters` mapping (`scopes/k8s-system-masters`), written as:
 *
 * - Terraform `aws_eks_access_policy_association` (`policy_arn`, `access_scope { type = "cluster" }`);
 * - module inputs such as terraform-aws-eks' `access_entries = { x = { principal_arn, policy_associations =
 *   { y = { policy_arn, access_scope = { type = "cluster" } } } } }`;
 * - CloudFormation `AWS::EKS::AccessEntry` `AccessPolicies` (`PolicyArn`, `AccessScope: { Type: cluster }`),
 *   YAML (short forms such as `!Sub` included) or JSON;
 * - eksctl `ClusterConfig` `accessConfig.accessEntries[].accessPolicies` (`policyARN`, `accessScope.type`).
 *
 * `AmazonEKSClusterAdminPolicy` is high (as `system:masters` and a `cluster-admin` ClusterRoleBinding are),
 * `AmazonEKSAdminPolicy` medium (as a cluster-wide binding of `admin` is). A namespace scope, the
 * view/edit policies, a policy ARN Terraform computes, and the cluster creator's own entry
 * (`bootstrap_cluster_creator_admin_permissions`, `enable_cluster_creator_admin_permissions`, kept for
 * break-glass like the creator's `system:masters`) pass.
 *
 * ```yaml
 * rules:
 *   scopes/eks-access-policy-admin:
 *     options:
 *       allowPrincipals: []   # ARN globs that may keep cluster-wide admin, e.g. ["arn:aws:iam::*:role/break-glass"]
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { attr, parseHcl, type HclBlock, type HclValue } from '../../parse/hcl.js';
import { parseYaml, type YamlDoc, type YamlNode } from '../../parse/yaml.js';
import { K8S_CLUSTER_ADMIN } from './lib/cloud-controls.js';
import { anyGlob, optList } from './lib/rule-options.js';

/** The access policies that administer the cluster, by the name at the end of their ARN. */
const ADMIN_POLICY = /\b(AmazonEKS(?:Cluster)?AdminPolicy)\b/;
const SEVERITY: Record<string, { severity: Severity; what: string }> = {
  AmazonEKSClusterAdminPolicy: { severity: 'high', what: '`cluster-admin`: every verb on every resource, in every namespace and cluster-wide' },
  AmazonEKSAdminPolicy: { severity: 'medium', what: '`admin` in every namespace, `kube-system` included: its Secrets, workloads and Roles' },
};

interface Hit {
  line: number;
  column: number;
  policy: string;
  principal: string | undefined;
  where: string;
}

// ---------------------------------------------------------------------------------------------------
// Terraform

const hclKey = (k: string): string => k.replace(/^"(.*)"$/, '$1');
/** A string as written (a template keeps its `${…}`), or a reference's text; undefined for anything else. */
const hclText = (v: HclValue | undefined): string | undefined => (v?.kind === 'string' || v?.kind === 'template' ? v.value : v?.kind === 'expr' ? v.text : undefined);
const entry = (v: HclValue, key: string): HclValue | undefined => (v.kind === 'object' ? v.entries.find((e) => hclKey(e.key) === key)?.value : undefined);

/** A literal `cluster` scope type (a computed one is unknown). */
const clusterScope = (type: HclValue | undefined): boolean => type?.kind === 'string' && type.value.toLowerCase() === 'cluster';

function fromTerraform(text: string, out: Hit[]): void {
  const file = parseHcl(text);
  for (const b of file?.root.blocks ?? []) {
    const [type, name] = b.labels;
    if (!type) continue;
    if (b.type === 'resource' && type === 'aws_eks_access_policy_association') association(b, `\`${type}.${name ?? ''}\``, out);
    else if (b.type === 'module') for (const a of b.attributes) visit(a.value, undefined, `module \`${type}\` (\`${a.name}\`)`, out, 0);
  }
}

function association(b: HclBlock, where: string, out: Hit[]): void {
  const arn = attr(b, 'policy_arn')?.value;
  const policy = arn && (arn.kind === 'string' || arn.kind === 'template') ? ADMIN_POLICY.exec(arn.value)?.[1] : undefined;
  if (!arn || !policy) return;
  const scope = b.blocks.find((x) => x.type === 'access_scope');
  if (!clusterScope(scope && attr(scope, 'type')?.value)) return;
  out.push({ line: arn.pos.line, column: arn.pos.column, policy, principal: hclText(attr(b, 'principal_arn')?.value), where });
}

/** Module inputs: any object with `policy_arn` and `access_scope = { type = "cluster" }`, under the nearest `principal_arn`. */
function visit(v: HclValue, principal: string | undefined, where: string, out: Hit[], depth: number): void {
  if (depth > 10) return;
  if (v.kind === 'tuple') for (const i of v.items) visit(i, principal, where, out, depth + 1);
  if (v.kind !== 'object') return;
  const p = hclText(entry(v, 'principal_arn')) ?? principal;
  const arn = entry(v, 'policy_arn');
  const policy = arn && (arn.kind === 'string' || arn.kind === 'template') ? ADMIN_POLICY.exec(arn.value)?.[1] : undefined;
  const scope = entry(v, 'access_scope');
  if (arn && policy && scope && clusterScope(entry(scope, 'type'))) out.push({ line: arn.pos.line, column: arn.pos.column, policy, principal: p, where });
  for (const e of v.entries) if (e.value.kind === 'object' || e.value.kind === 'tuple') visit(e.value, p, where, out, depth + 1);
}

// ---------------------------------------------------------------------------------------------------
// CloudFormation and eksctl

/** `AccessPolicies` items: `{PolicyArn, AccessScope: {Type}}` (CloudFormation) or `{policyARN, accessScope: {type}}` (eksctl). */
function policies(doc: YamlDoc, list: YamlNode | undefined, principal: string | undefined, where: string, keys: readonly [string, string, string], out: Hit[]): void {
  const [arnKey, scopeKey, typeKey] = keys;
  for (const item of doc.items(list)) {
    const arn = doc.get(item, arnKey);
    // The ARN as written: a plain string, `!Sub 'arn:${AWS::Partition}:eks::aws:…'` or `{"Fn::Sub": …}`.
    const policy = ADMIN_POLICY.exec(doc.source(arn) ?? '')?.[1];
    const p = doc.pos(arn);
    if (!policy || !p) continue;
    if (doc.str(doc.get(item, scopeKey, typeKey))?.toLowerCase() !== 'cluster') continue;
    out.push({ line: p.line, column: p.column, policy, principal, where });
  }
}

/** A principal as written: a string, or the source of `!GetAtt Role.Arn` / `{"Fn::GetAtt": …}`. */
const yamlText = (doc: YamlDoc, n: YamlNode | undefined): string | undefined => doc.str(n) ?? doc.source(n)?.replace(/\s+/g, ' ');

function fromYaml(text: string, path: string, out: Hit[]): void {
  const parsed = parseYaml(text, /\.json$/i.test(path) ? { uniqueKeys: false } : { tolerant: true, uniqueKeys: false });
  for (const doc of parsed?.docs ?? []) {
    for (const r of doc.entries(doc.get(doc.root, 'Resources'))) {
      if (doc.str(doc.get(r.value, 'Type')) !== 'AWS::EKS::AccessEntry') continue;
      const props = doc.get(r.value, 'Properties');
      policies(doc, doc.get(props, 'AccessPolicies'), yamlText(doc, doc.get(props, 'PrincipalArn')), `\`AWS::EKS::AccessEntry\` \`${r.key}\``, ['PolicyArn', 'AccessScope', 'Type'], out);
    }
    if (doc.str(doc.get(doc.root, 'kind')) === 'ClusterConfig') {
      for (const e of doc.items(doc.get(doc.root, 'accessConfig', 'accessEntries'))) {
        policies(doc, doc.get(e, 'accessPolicies'), doc.str(doc.get(e, 'principalARN')), 'eksctl `accessConfig.accessEntries`', ['policyARN', 'accessScope', 'type'], out);
      }
    }
  }
}

const rule: Rule = {
  meta: {
    id: 'scopes/eks-access-policy-admin',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'EKS access entry associates `AmazonEKSClusterAdminPolicy` or `AmazonEKSAdminPolicy` at cluster scope: cluster administration granted by EKS, outside RBAC',
    controls: [...K8S_CLUSTER_ADMIN],
    remediation:
      'Scope the association to the namespaces the principal manages (`access_scope { type = "namespace", namespaces = [...] }`) with the least policy that works (`AmazonEKSEditPolicy`, `AmazonEKSViewPolicy`), or give the access entry `kubernetes_groups` bound by a Role; keep cluster-wide `AmazonEKSClusterAdminPolicy` to a break-glass role.',
    options: {
      allowPrincipals: stringList('ARN globs that may keep cluster-wide admin access policies, e.g. `["arn:aws:iam::*:role/break-glass"]`.'),
    },
  },
  keywords: ['amazoneksclusteradminpolicy', 'amazoneksadminpolicy'],
  scope: 'file',
  globOptions: ['allowPrincipals'],
  appliesTo: (path) => /\.(?:tf|ya?ml|json|template)$/i.test(path),
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowPrincipals', []);
    const hits: Hit[] = [];
    if (/\.tf$/i.test(file.path)) fromTerraform(file.text, hits);
    else fromYaml(file.text, file.path, hits);
    const out: RawFinding[] = [];
    for (const h of hits) {
      if (h.principal && anyGlob(allow, h.principal)) continue;
      const { severity, what } = SEVERITY[h.policy]!;
      out.push({
        line: h.line,
        column: h.column,
        message: `${h.where} associates \`${h.policy}\` with ${h.principal ? `\`${h.principal}\`` : 'its principal'} at cluster scope: ${what}, granted by EKS before RBAC — no binding in the cluster shows it.`,
        construct: `eks-access-policy:${h.where}:${h.principal ?? ''}:${h.policy}`,
        severity,
      });
    }
    return out;
  },
};

export default rule;
