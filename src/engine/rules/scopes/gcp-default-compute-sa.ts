/**
 * Google Cloud workloads that run as the Compute Engine default service account (CIS GCP 4.1, 4.2;
 * CIS GKE 5.2.1). The default account (`<project-number>-compute@developer.gserviceaccount.com`) holds
 * Editor on its project unless the organization enforces
 * `iam.automaticIamGrantsForDefaultServiceAccounts`, and every VM or node created without a
 * service account of its own shares it. Terraform:
 *
 * - `google_compute_instance`, `google_compute_instance_template`, `google_compute_region_instance_template`,
 *   `google_compute_instance_from_template`: a `service_account` block whose `email` is absent (the
 *   provider then uses the default), `"default"`, `…-compute@developer.gserviceaccount.com`, the App
 *   Engine default `…@appspot.gserviceaccount.com`, or `data.google_compute_default_service_account.*.email`.
 *   With the `cloud-platform` scope every process on the VM can get a token for every Google Cloud API
 *   with the account's roles (high); with narrower scopes the token is narrowed, but the account and its
 *   roles are still shared by every default workload (low, medium confidence). No `service_account`
 *   block: the VM has no account, no finding; an empty `scopes` list: no token, no finding. Instances
 *   named `gke-…` are created by GKE and skipped; an instance from a template without its own block is
 *   judged on the template.
 * - GKE: the `node_config` of `google_container_cluster` (unless `remove_default_node_pool = true`),
 *   of its inline `node_pool` blocks and of `google_container_node_pool`, and
 *   `cluster_autoscaling.auto_provisioning_defaults`: no `service_account` (or the default) with
 *   `oauth_scopes` including `cloud-platform` — every pod that does not use Workload Identity can read
 *   the node's token from the metadata server (high); the default account with the default or narrower
 *   scopes (low). A node pool without `node_config`, and a cluster without one, are not judged.
 *
 * Grants of roles TO the default accounts are `scopes/gcp-sa-privileged`'s; this rule reports the
 * workloads that run AS them.
 *
 * ```yaml
 * rules:
 *   scopes/gcp-default-compute-sa:
 *     options:
 *       allowResources: []   # Terraform address globs, e.g. ["google_compute_instance.legacy_*"]
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { attr, parseHcl, type HclBlock, type HclValue } from '../../parse/hcl.js';
import { GCP_DEFAULT_SA } from './lib/cloud-controls.js';
import { appliesToTerraform, isDefaultServiceAccount } from './lib/gcp-iam.js';
import { anyGlob, optList } from './lib/rule-options.js';

const INSTANCE_TYPES = new Set(['google_compute_instance', 'google_compute_instance_template', 'google_compute_region_instance_template', 'google_compute_instance_from_template']);
const FULL_SCOPE = /^(?:https:\/\/www\.googleapis\.com\/auth\/)?cloud-platform$/i;

interface Val {
  v: string;
  line: number;
  column: number;
  dynamic: boolean;
}

function vals(v: HclValue | undefined): Val[] | undefined {
  if (!v) return undefined;
  switch (v.kind) {
    case 'string':
    case 'template':
      return [{ v: v.value, line: v.pos.line, column: v.pos.column, dynamic: v.kind === 'template' }];
    case 'tuple':
      return v.items.flatMap((i) => vals(i) ?? []);
    case 'null':
      return undefined;
    case 'call':
      return ['concat', 'flatten', 'distinct', 'toset', 'tolist', 'compact'].includes(v.name)
        ? v.args.flatMap((a) => vals(a) ?? [])
        : [{ v: `${v.name}(…)`, line: v.pos.line, column: v.pos.column, dynamic: true }];
    case 'expr':
      return [{ v: v.text, line: v.pos.line, column: v.pos.column, dynamic: true }];
    default:
      return [{ v: '', line: v.pos.line, column: v.pos.column, dynamic: true }];
  }
}

/** Which default account an email names: undefined when it is another (or unknown) account. */
function defaultAccount(email: HclValue | undefined): string | undefined {
  const v = vals(email);
  if (!v) return 'the Compute Engine default service account';
  if (v.length !== 1) return undefined;
  const e = v[0]!;
  if (/^data\.google_compute_default_service_account\.[\w-]+\.email$/.test(e.v.trim()) || /^\$\{data\.google_compute_default_service_account\.[\w-]+\.email\}$/.test(e.v.trim()))
    return 'the Compute Engine default service account';
  if (e.v === 'default' && !e.dynamic) return 'the Compute Engine default service account';
  // A template like "${var.project_number}-compute@developer.gserviceaccount.com" is still the default account.
  if (isDefaultServiceAccount(e.v) && (!e.dynamic || /-compute@developer\.gserviceaccount\.com$|@appspot\.gserviceaccount\.com$/i.test(e.v)))
    return /@appspot\./i.test(e.v) ? `the App Engine default service account \`${e.v}\`` : `the Compute Engine default service account${e.dynamic ? '' : ` \`${e.v}\``}`;
  return undefined;
}

/** The content of `dynamic "<type>"` blocks besides the plain `<type>` blocks. */
const blocksOf = (b: HclBlock, type: string): HclBlock[] => [
  ...b.blocks.filter((c) => c.type === type),
  ...b.blocks.filter((c) => c.type === 'dynamic' && c.labels[0] === type).flatMap((d) => d.blocks.filter((c) => c.type === 'content')),
];

const literal = (b: HclBlock, name: string): string | undefined => {
  const a = attr(b, name);
  return a && a.value.kind === 'string' ? a.value.value : undefined;
};

const rule: Rule = {
  meta: {
    id: 'scopes/gcp-default-compute-sa',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Google Compute Engine VM or GKE node runs as the default compute service account (with the cloud-platform scope: full API access with its Editor role)',
    controls: [...GCP_DEFAULT_SA],
    remediation:
      'Create a user-managed service account for the workload, grant it only the roles it needs, and set it as `service_account.email` (`node_config.service_account` for GKE, with Workload Identity for the pods); keep the `cloud-platform` scope only with such an account.',
    options: {
      allowResources: stringList('Terraform address globs allowed to run as the default service account, e.g. `["google_compute_instance.legacy_*"]`.'),
    },
  },
  keywords: ['google_compute_instance', 'google_compute_region_instance_template', 'google_container_cluster', 'google_container_node_pool'],
  scope: 'file',
  globOptions: ['allowResources'],
  appliesTo: appliesToTerraform,
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowResources', []);
    const parsed = parseHcl(file.text);
    const out: RawFinding[] = [];
    for (const r of parsed?.root.blocks ?? []) {
      const [type, name] = r.labels;
      if (r.type !== 'resource' || !type || name === undefined) continue;
      const address = `${type}.${name}`;
      if (anyGlob(allow, address)) continue;
      if (INSTANCE_TYPES.has(type)) {
        // GKE creates its nodes (and their templates) as `gke-<cluster>-…`: judged on the cluster.
        if (/^gke-/.test(literal(r, 'name') ?? literal(r, 'name_prefix') ?? '')) continue;
        const kind = type === 'google_compute_instance' || type === 'google_compute_instance_from_template' ? 'VM' : 'instance template';
        for (const sa of blocksOf(r, 'service_account')) {
          const account = defaultAccount(attr(sa, 'email')?.value);
          if (!account) continue;
          const scopes = vals(attr(sa, 'scopes')?.value);
          const finding = judge(account, scopes, sa, kind === 'VM' ? 'every process on the VM' : 'every process on the VMs it creates', `\`${address}\``, 'scopes');
          if (finding) out.push({ ...finding, construct: `gcp-default-sa:${address}` });
        }
      } else if (type === 'google_container_cluster' || type === 'google_container_node_pool') {
        const configs: Array<{ block: HclBlock; where: string; key: string }> = [];
        const removeDefault = attr(r, 'remove_default_node_pool')?.value;
        const removed = removeDefault?.kind === 'bool' && removeDefault.value;
        for (const nc of blocksOf(r, 'node_config'))
          if (!(type === 'google_container_cluster' && removed)) configs.push({ block: nc, where: type === 'google_container_cluster' ? 'the default node pool of' : '', key: 'node_config' });
        for (const [i, pool] of blocksOf(r, 'node_pool').entries()) {
          const poolName = literal(pool, 'name') ?? String(i);
          for (const nc of blocksOf(pool, 'node_config')) configs.push({ block: nc, where: `node pool \`${poolName}\` of`, key: `node_pool:${poolName}` });
        }
        for (const ca of blocksOf(r, 'cluster_autoscaling'))
          for (const d of blocksOf(ca, 'auto_provisioning_defaults')) configs.push({ block: d, where: 'the auto-provisioned node pools of', key: 'auto_provisioning_defaults' });
        for (const c of configs) {
          const account = defaultAccount(attr(c.block, 'service_account')?.value);
          if (!account) continue;
          // No oauth_scopes: GKE's default set (storage read-only, logging, monitoring, …), narrower than cloud-platform.
          const scopes = vals(attr(c.block, 'oauth_scopes')?.value) ?? [{ v: 'the GKE default scopes', line: c.block.pos.line, column: c.block.pos.column, dynamic: true }];
          const subject = c.where ? `${c.where} \`${address}\`` : `\`${address}\``;
          const finding = judge(account, scopes, c.block, 'every pod that does not use Workload Identity (it can read the node’s token from the metadata server)', subject, 'oauth_scopes', true);
          if (finding) out.push({ ...finding, construct: `gcp-default-sa:${address}:${c.key}` });
        }
      }
    }
    return out;
  },
};

/** The finding for a workload running as a default account with `scopes` (undefined: unknown). */
function judge(account: string, scopes: Val[] | undefined, block: HclBlock, who: string, subject: string, scopeAttr: string, gke = false): Omit<RawFinding, 'construct'> | undefined {
  // An empty scope list: the VM has the account but no token for any API.
  if (scopes && scopes.length === 0) return undefined;
  const full = scopes?.find((s) => !s.dynamic && FULL_SCOPE.test(s.v.trim()));
  const runs = gke ? 'runs its nodes as' : 'runs as';
  if (full) {
    return {
      line: full.line,
      column: full.column,
      message: `${subject[0]!.toUpperCase()}${subject.slice(1)} ${runs} ${account} with the \`cloud-platform\` scope: ${who} can get a token for every Google Cloud API with that account’s roles (Editor on the project, unless the organization disabled automatic grants to default service accounts).`,
      severity: 'high',
      confidence: 'high',
    };
  }
  const known = (scopes ?? []).filter((s) => !s.dynamic).map((s) => `\`${s.v}\``);
  const scopeText = known.length
    ? `scopes ${known.slice(0, 3).join(', ')}${known.length > 3 ? ' …' : ''}`
    : scopes?.[0]?.v === 'the GKE default scopes'
      ? 'the GKE default scopes'
      : `\`${scopeAttr}\` not known here`;
  const at = block.attributes.find((a) => a.name === (gke ? 'service_account' : 'email'))?.pos ?? block.pos;
  return {
    line: at.line,
    column: at.column,
    message: `${subject[0]!.toUpperCase()}${subject.slice(1)} ${runs} ${account} (${scopeText}): the token is narrowed by its scopes, but the account and its roles are shared by every workload left on the default.`,
    severity: 'low',
    confidence: 'medium',
  };
}

export default rule;
