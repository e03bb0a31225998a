/**
 * Identities mapped into the Kubernetes `system:masters` group: its members are cluster-admin before
 * RBAC is consulted — no binding grants it, none can take it away, and authorization webhooks are
 * skipped. On EKS that is the `aws-auth` ConfigMap mapping an IAM role or user to the group (`mapRoles`,
 * `mapUsers`), written as:
 *
 * - the ConfigMap itself (YAML/JSON manifests; `mapRoles: |` holds YAML in a string);
 * - Terraform: `kubernetes_config_map` / `_v1` / `_v1_data` named `aws-auth` (`yamlencode([...])` or a
 *   heredoc), and module inputs such as terraform-aws-eks' `aws_auth_roles` / `aws_auth_users` or
 *   `map_roles` / `map_users` (`groups = ["system:masters"]`);
 * - eksctl `ClusterConfig` `iamIdentityMappings`.
 *
 * High. The node role's `system:bootstrappers` / `system:nodes` mapping and named groups bound by RBAC pass.
 * Its API-based successor, an EKS access entry with `AmazonEKSClusterAdminPolicy` at cluster scope, is a
 * separate grant that EKS can revoke: `scopes/eks-access-policy-admin` reports it.
 *
 * ```yaml
 * rules:
 *   scopes/k8s-system-masters:
 *     options:
 *       allowIdentities: []   # ARN globs that may stay in system:masters, e.g. ["arn:aws:iam::*:role/break-glass"]
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { parseHcl, type HclValue } from '../../parse/hcl.js';
import { parseYaml, type YamlDoc, type YamlNode } from '../../parse/yaml.js';
import { K8S_CLUSTER_ADMIN } from './lib/cloud-controls.js';
import { anyGlob, optList } from './lib/rule-options.js';

const MASTERS = 'system:masters';
const IDENTITY_KEYS = ['rolearn', 'userarn', 'arn', 'role_arn', 'user_arn'];
const MAP_KEYS = /^(?:mapRoles|mapUsers|map_roles|map_users|aws_auth_roles|aws_auth_users)$/;

interface Hit {
  line: number;
  column: number;
  identity: string | undefined;
  where: string;
}

/** Entries of a mapRoles/mapUsers YAML string (`- rolearn: … groups: [system:masters]`), with their line offsets. */
function fromMapString(text: string, firstLine: number, where: string, out: Hit[]): void {
  if (!text.includes(MASTERS)) return;
  const lines = text.split('\n');
  let identity: string | undefined;
  lines.forEach((l, i) => {
    const id = /^\s*-?\s*(?:rolearn|userarn)\s*:\s*["']?([^"'\s#]+)/.exec(l);
    if (id) identity = id[1];
    const col = l.indexOf(MASTERS);
    if (col >= 0 && !/^\s*#/.test(l)) out.push({ line: firstLine + i, column: col + 1, identity, where });
  });
}

function fromYamlFile(text: string, path: string, out: Hit[]): void {
  const parsed = parseYaml(text, /\.json$/i.test(path) ? { uniqueKeys: false } : { tolerant: true, uniqueKeys: false });
  for (const doc of parsed?.docs ?? []) {
    const kind = doc.str(doc.get(doc.root, 'kind'));
    if (kind === 'ConfigMap' && doc.str(doc.get(doc.root, 'metadata', 'name')) === 'aws-auth') {
      for (const e of doc.entries(doc.get(doc.root, 'data'))) {
        if (!/^map(?:Roles|Users)$/.test(e.key)) continue;
        const value = doc.str(e.value);
        const p = doc.pos(e.value);
        if (value === undefined || !p) continue;
        const block = (doc.deref(e.value) as { type?: string } | undefined)?.type?.startsWith('BLOCK');
        fromMapString(value, block ? p.line + 1 : p.line, `ConfigMap \`aws-auth\` (\`${e.key}\`)`, out);
      }
    } else if (kind === 'ClusterConfig') {
      for (const m of doc.items(doc.get(doc.root, 'iamIdentityMappings'))) mapping(doc, m, 'eksctl `iamIdentityMappings`', out);
    }
  }
}

/** `{arn, groups: [...]}` as YAML. */
function mapping(doc: YamlDoc, m: YamlNode | undefined, where: string, out: Hit[]): void {
  const identity = IDENTITY_KEYS.map((k) => doc.str(doc.get(m, k))).find((x) => x !== undefined);
  for (const g of doc.items(doc.get(m, 'groups'))) {
    const p = doc.pos(g);
    if (doc.str(g) === MASTERS && p) out.push({ line: p.line, column: p.column, identity, where });
  }
}

function fromTerraform(text: string, out: Hit[]): void {
  const file = parseHcl(text);
  for (const b of file?.root.blocks ?? []) {
    const [type, name] = b.labels;
    if (!type) continue;
    const where = b.type === 'module' ? `module \`${type}\`` : `\`${type}.${name ?? ''}\``;
    const configMap = b.type === 'resource' && /^kubernetes_config_map(?:_v1(?:_data)?)?$/.test(type);
    const visit = (v: HclValue, key: string | undefined, depth: number): void => {
      if (depth > 12) return;
      if (v.kind === 'object') {
        const identity = v.entries.map((e) => ({ k: e.key.replace(/^"|"$/g, ''), v: e.value })).find((e) => IDENTITY_KEYS.includes(e.k));
        const idText = identity ? (identity.v.kind === 'string' || identity.v.kind === 'template' ? identity.v.value : identity.v.kind === 'expr' ? identity.v.text : undefined) : undefined;
        for (const e of v.entries) {
          const k = e.key.replace(/^"|"$/g, '');
          if (k === 'groups' && e.value.kind === 'tuple') {
            for (const g of e.value.items) if (g.kind === 'string' && g.value === MASTERS) out.push({ line: g.pos.line, column: g.pos.column, identity: idText, where });
          } else visit(e.value, k, depth + 1);
        }
      } else if (v.kind === 'tuple') {
        for (const i of v.items) visit(i, key, depth + 1);
      } else if (v.kind === 'call') {
        for (const a of v.args) visit(a, key, depth + 1);
      } else if ((v.kind === 'string' || v.kind === 'template') && key && MAP_KEYS.test(key)) {
        // A heredoc's content starts on the line after `<<EOT`; a quoted string on its own line.
        fromMapString(v.value, v.pos.line === v.endLine ? v.pos.line : v.pos.line + 1, where, out);
      }
    };
    for (const a of b.attributes) {
      if (configMap || MAP_KEYS.test(a.name)) visit(a.value, a.name, 0);
    }
    if (configMap) for (const inner of b.blocks) for (const a of inner.attributes) visit(a.value, a.name, 0);
  }
}

const rule: Rule = {
  meta: {
    id: 'scopes/k8s-system-masters',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'IAM role or user mapped into the Kubernetes `system:masters` group (EKS `aws-auth`): cluster-admin that no RBAC binding grants or can revoke',
    controls: [...K8S_CLUSTER_ADMIN],
    remediation:
      'Map the identity to a group of your own (e.g. `platform-admins`) and bind that group to the ClusterRole it needs, or use an EKS access entry with an access policy scoped to the namespaces it manages; keep `system:masters` to the cluster creator for break-glass.',
    options: {
      allowIdentities: stringList('ARN globs that may stay in `system:masters`, e.g. `["arn:aws:iam::*:role/break-glass"]`.'),
    },
  },
  keywords: [MASTERS],
  scope: 'file',
  globOptions: ['allowIdentities'],
  appliesTo: (path) => /\.(?:tf|ya?ml|json)$/i.test(path),
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowIdentities', []);
    const hits: Hit[] = [];
    if (/\.tf$/i.test(file.path)) fromTerraform(file.text, hits);
    else fromYamlFile(file.text, file.path, hits);
    const out: RawFinding[] = [];
    for (const h of hits) {
      if (h.identity && anyGlob(allow, h.identity)) continue;
      out.push({
        line: h.line,
        column: h.column,
        message: `${h.where} maps ${h.identity ? `\`${h.identity}\`` : 'an identity'} into \`system:masters\`: cluster-admin before RBAC is consulted, which no binding grants and none can revoke.`,
        construct: `system-masters:${h.where}:${h.identity ?? h.line}`,
      });
    }
    return out;
  },
};

export default rule;
