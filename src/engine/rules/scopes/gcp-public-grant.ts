/**
 * Google Cloud resources opened to everyone: an IAM grant to `allUsers` (anyone on the internet, no
 * sign-in) or `allAuthenticatedUsers` (any Google account, of any organization) — the public-access
 * counterpart of an AWS resource policy with `"Principal": "*"` (CIS GCP 5.1 for buckets, 1.9 for KMS
 * keys, 7.1 for BigQuery datasets). Read in Terraform:
 *
 * - resource-level IAM, `google_<resource>_iam_member` / `_binding` of any resource (Cloud Storage
 *   buckets, KMS keys and key rings, BigQuery datasets and tables, Secret Manager secrets, Pub/Sub
 *   topics, Artifact Registry repositories, Cloud Run services, Cloud Functions, …), and the `binding`
 *   blocks of `data "google_iam_policy"`;
 * - the same members on a project, folder or organization, for roles other rules do not already report
 *   (basic roles: `scopes/gcp-basic-role`; impersonation roles: `scopes/gcp-sa-impersonation`);
 * - BigQuery dataset `access` blocks and `google_bigquery_dataset_access` (`special_group =
 *   "allAuthenticatedUsers"`, `iam_member = "allUsers"`), and Cloud Storage ACLs
 *   (`role_entity = ["READER:allUsers"]`, `entity = "allUsers"`).
 *
 * High; critical for roles that read secrets or use keys (Secret Manager, Cloud KMS); medium for the
 * invoker roles of Cloud Run and Cloud Functions (`roles/run.invoker`, `roles/cloudfunctions.invoker`),
 * which public HTTP services are given on purpose. Grants with an IAM `condition` are not reported.
 *
 * ```yaml
 * rules:
 *   scopes/gcp-public-grant:
 *     options:
 *       allowResources: []   # globs of Terraform addresses that are public on purpose, e.g. [google_storage_bucket_iam_member.website]
 *       allowRoles: []       # role globs accepted for the public, e.g. [roles/run.invoker]
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { attr, parseHcl, type HclBlock, type HclValue } from '../../parse/hcl.js';
import { LEAST_PRIVILEGE } from './lib/controls.js';
import { appliesToTerraform } from './lib/gcp-iam.js';
import { anyGlob, optList } from './lib/rule-options.js';
import { BASIC_ROLES } from './gcp-basic-role.js';
import { ACT_AS_ROLES, IMPERSONATION_ROLES } from './gcp-sa-impersonation.js';

const PUBLIC = new Set(['allusers', 'allauthenticatedusers']);
/** Levels whose basic and impersonation roles other rules report. */
const LEVEL_TYPES = /^google_(?:organization|folder|project|service_account)_iam_(?:member|binding)$/;
const OTHER_RULES = new Set([...BASIC_ROLES, ...IMPERSONATION_ROLES, ...ACT_AS_ROLES].map((r) => r.toLowerCase()));
const INVOKER = /^roles\/(?:run\.invoker|cloudfunctions\.invoker)$/i;
const SENSITIVE = /^roles\/(?:secretmanager\.|cloudkms\.)/i;

interface Hit {
  address: string;
  /** The role granted, or what the ACL gives (`READER`, `roles/bigquery.dataViewer`, …). */
  role: string;
  member: string;
  line: number;
  column: number;
  kind: 'iam' | 'acl';
}

/** Literal strings of a value (a string, or the strings of a list); references are unknown and skipped. */
function strs(v: HclValue | undefined): Array<{ v: string; line: number; column: number }> {
  if (!v) return [];
  if (v.kind === 'string') return [{ v: v.value, line: v.pos.line, column: v.pos.column }];
  if (v.kind === 'tuple') return v.items.flatMap(strs);
  if (v.kind === 'call' && ['concat', 'flatten', 'toset', 'tolist', 'distinct'].includes(v.name)) return v.args.flatMap(strs);
  return [];
}
const one = (b: HclBlock, name: string): string | undefined => {
  const a = attr(b, name);
  return a?.value.kind === 'string' ? a.value.value : undefined;
};
const isPublic = (m: string): boolean => PUBLIC.has(m.trim().toLowerCase());

let cache: { text: string; hits: Hit[] } | undefined;

function publicGrants(text: string): Hit[] {
  if (cache?.text === text) return cache.hits;
  const hits: Hit[] = [];
  const file = parseHcl(text);
  for (const b of file?.root.blocks ?? []) {
    const [type, name] = b.labels;
    if (!type || name === undefined) continue;
    const address = b.type === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
    const iam = (block: HclBlock, role: string | undefined): void => {
      if (block.blocks.some((c) => c.type === 'condition')) return;
      for (const m of [...strs(attr(block, 'member')?.value), ...strs(attr(block, 'members')?.value)]) {
        if (isPublic(m.v)) hits.push({ address, role: role ?? '', member: m.v, line: m.line, column: m.column, kind: 'iam' });
      }
    };
    if (b.type === 'resource' && /^google_\w+_iam_(?:member|binding)$/.test(type)) {
      const role = one(b, 'role');
      if (LEVEL_TYPES.test(type) && (role === undefined || OTHER_RULES.has(role.toLowerCase()))) continue;
      iam(b, role);
    } else if (b.type === 'data' && type === 'google_iam_policy') {
      for (const binding of b.blocks.filter((c) => c.type === 'binding')) {
        const role = one(binding, 'role');
        if (role !== undefined && !OTHER_RULES.has(role.toLowerCase())) iam(binding, role);
      }
    } else if (b.type === 'resource' && (type === 'google_bigquery_dataset' || type === 'google_bigquery_dataset_access')) {
      for (const acc of type === 'google_bigquery_dataset' ? b.blocks.filter((c) => c.type === 'access') : [b]) {
        for (const key of ['special_group', 'iam_member']) {
          const a = attr(acc, key);
          if (a?.value.kind === 'string' && isPublic(a.value.value))
            hits.push({ address, role: one(acc, 'role') ?? 'access', member: a.value.value, line: a.value.pos.line, column: a.value.pos.column, kind: 'acl' });
        }
      }
    } else if (b.type === 'resource' && type === 'google_storage_bucket_acl') {
      for (const e of strs(attr(b, 'role_entity')?.value)) {
        const [role, entity] = e.v.split(':');
        if (entity && isPublic(entity)) hits.push({ address, role: role ?? '', member: entity, line: e.line, column: e.column, kind: 'acl' });
      }
    } else if (b.type === 'resource' && /^google_storage_(?:bucket|object|default_object)_access_control$/.test(type)) {
      const a = attr(b, 'entity');
      if (a?.value.kind === 'string' && isPublic(a.value.value))
        hits.push({ address, role: one(b, 'role') ?? '', member: a.value.value, line: a.value.pos.line, column: a.value.pos.column, kind: 'acl' });
    }
  }
  cache = { text, hits };
  return hits;
}

const rule: Rule = {
  meta: {
    id: 'scopes/gcp-public-grant',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Google Cloud resource granted to `allUsers` or `allAuthenticatedUsers` (anyone on the internet, or any Google account)',
    controls: [...LEAST_PRIVILEGE, 'NIST-800-53-AC-3', 'NIST-800-53-AC-21', 'CIS-GCP-5.1', 'CIS-GCP-1.9', 'CIS-GCP-7.1'],
    remediation:
      'Grant the role to the groups, service accounts or domain that use the resource instead of `allUsers` / `allAuthenticatedUsers`; serve public content through a load balancer or signed URLs, and enable public access prevention on buckets that must stay private.',
    options: {
      allowResources: stringList('Globs of Terraform addresses that are public on purpose, e.g. `[google_storage_bucket_iam_member.website]`.'),
      allowRoles: stringList('Role globs accepted for the public, e.g. `[roles/run.invoker]`.'),
    },
  },
  keywords: ['allusers', 'allauthenticatedusers'],
  scope: 'file',
  globOptions: ['allowResources', 'allowRoles'],
  appliesTo: appliesToTerraform,
  check(file, ctx) {
    const allowResources = optList(ctx.options, 'allowResources', []);
    const allowRoles = optList(ctx.options, 'allowRoles', []);
    const out: RawFinding[] = [];
    for (const h of publicGrants(file.text)) {
      if (anyGlob(allowResources, h.address) || (h.role && anyGlob(allowRoles, h.role))) continue;
      const severity: Severity = INVOKER.test(h.role) ? 'medium' : SENSITIVE.test(h.role) ? 'critical' : 'high';
      const who = h.member.toLowerCase() === 'allusers' ? 'anyone on the internet, without signing in' : 'any Google account, of any organization';
      const what = h.kind === 'iam' ? (h.role ? `the role \`${h.role}\`` : 'a role') : `\`${h.role}\` access`;
      out.push({
        line: h.line,
        column: h.column,
        message: `\`${h.address}\` grants ${what} to \`${h.member}\`: ${who}.${severity === 'medium' ? ' If this is a public HTTP endpoint on purpose, allow it in the policy.' : ''}`,
        construct: `gcp-public:${h.address}:${h.role}:${h.member}`,
        severity,
      });
    }
    return out;
  },
};

export default rule;
