/**
 * Google Cloud IAM grants in Terraform, with positions: `google_{project,folder,organization}_iam_member`
 * and `_binding`, `google_service_account_iam_member` / `_binding`, and the `binding` blocks of
 * `data "google_iam_policy"` (the document `google_*_iam_policy` resources apply). `_iam_member_remove`
 * resources take access away and are skipped. Parsed once per file.
 */
import { attr, parseHcl, type HclBlock, type HclValue } from '../../../parse/hcl.js';

export type GcpLevel = 'organization' | 'folder' | 'project' | 'service-account' | 'policy';

export interface GcpValue {
  v: string;
  line: number;
  column: number;
  dynamic: boolean;
}

export interface GcpGrant {
  level: GcpLevel;
  /** `google_project_iam_member.ci`, `data.google_iam_policy.admin`. */
  address: string;
  resourceType: string;
  role: GcpValue | undefined;
  members: GcpValue[];
  /** An IAM condition narrows the grant (time, resource name, …). */
  conditional: boolean;
  line: number;
  endLine: number;
}

const LEVEL: Record<string, GcpLevel> = {
  google_organization_iam_member: 'organization',
  google_organization_iam_binding: 'organization',
  google_folder_iam_member: 'folder',
  google_folder_iam_binding: 'folder',
  google_project_iam_member: 'project',
  google_project_iam_binding: 'project',
  google_service_account_iam_member: 'service-account',
  google_service_account_iam_binding: 'service-account',
};

/**
 * `format("serviceAccount:%s", local.sa)` as the string it builds, arguments written as interpolations
 * (`serviceAccount:${local.sa}`): Terraform's `format` fills each verb with the next argument. Undefined
 * when the spec is not a literal, a verb names its argument (`%[2]s`) or an argument is missing.
 */
function formatted(v: Extract<HclValue, { kind: 'call' }>): GcpValue | undefined {
  const [spec, ...args] = v.args;
  if (!spec || (spec.kind !== 'string' && spec.kind !== 'template')) return undefined;
  let dynamic = spec.kind === 'template';
  let ok = true;
  let next = 0;
  const text = spec.value.replace(/%(?:%|\[\d+\]|[-+# 0]*\d*(?:\.\d+)?[a-zA-Z])/g, (verb) => {
    if (verb === '%%') return '%';
    const a = verb.startsWith('%[') ? undefined : args[next++];
    switch (a?.kind) {
      case 'string':
        return a.value;
      case 'number':
      case 'bool':
        return String(a.value);
      case 'template':
        dynamic = true;
        return a.value;
      case 'expr':
        dynamic = true;
        return `\${${a.text}}`;
      case 'call':
        dynamic = true;
        return `\${${a.name}(…)}`;
      default:
        ok = false;
        return verb;
    }
  });
  return ok ? { v: text, line: v.pos.line, column: v.pos.column, dynamic } : undefined;
}

function values(v: HclValue | undefined): GcpValue[] {
  if (!v) return [];
  switch (v.kind) {
    case 'string':
    case 'template':
      return [{ v: v.value, line: v.pos.line, column: v.pos.column, dynamic: v.kind === 'template' }];
    case 'tuple':
      return v.items.flatMap(values);
    case 'null':
      return [];
    case 'call': {
      const built = v.name === 'format' ? formatted(v) : undefined;
      if (built) return [built];
      return v.name === 'concat' || v.name === 'flatten' || v.name === 'distinct' || v.name === 'toset' || v.name === 'tolist'
        ? v.args.flatMap(values)
        : [{ v: `${v.name}(…)`, line: v.pos.line, column: v.pos.column, dynamic: true }];
    }
    default:
      return [{ v: v.kind === 'expr' ? v.text : '', line: v.pos.line, column: v.pos.column, dynamic: true }];
  }
}

let cache: { text: string; grants: GcpGrant[] } | undefined;

export function gcpGrants(text: string): GcpGrant[] {
  if (cache?.text === text) return cache.grants;
  const grants: GcpGrant[] = [];
  const file = parseHcl(text);
  for (const b of file?.root.blocks ?? []) {
    const [type, name] = b.labels;
    if (!type || name === undefined) continue;
    if (b.type === 'resource' && LEVEL[type]) {
      const role = values(attr(b, 'role')?.value)[0];
      const members = [...values(attr(b, 'member')?.value), ...values(attr(b, 'members')?.value)];
      grants.push({
        level: LEVEL[type],
        address: `${type}.${name}`,
        resourceType: type,
        role,
        members,
        conditional: b.blocks.some((c) => c.type === 'condition'),
        line: b.pos.line,
        endLine: b.endLine,
      });
    } else if (b.type === 'data' && type === 'google_iam_policy') {
      for (const binding of b.blocks.filter((c: HclBlock) => c.type === 'binding')) {
        const role = values(attr(binding, 'role')?.value)[0];
        grants.push({
          level: 'policy',
          address: `data.${type}.${name}`,
          resourceType: type,
          role,
          members: values(attr(binding, 'members')?.value),
          conditional: binding.blocks.some((c) => c.type === 'condition'),
          line: binding.pos.line,
          endLine: binding.endLine,
        });
      }
    }
  }
  cache = { text, grants };
  return grants;
}

export const GCP_KEYWORDS: readonly string[] = ['_iam_member', '_iam_binding', 'google_iam_policy'];
export const appliesToTerraform = (path: string): boolean => /\.tf$/i.test(path);

/** Members anyone can be: the public, every Google account, every identity of a domain or pool. */
export function memberBreadth(m: string): 'public' | 'domain' | 'pool' | undefined {
  if (m === 'allUsers' || m === 'allAuthenticatedUsers') return 'public';
  if (/^domain:/i.test(m)) return 'domain';
  if (/^principalSet:\/\/.*\/workloadIdentityPools\/[^/]+\/\*$/i.test(m)) return 'pool';
  return undefined;
}

/** The members a finding names: the first three, in backticks, `…` for more; `its members` for none. */
export const memberList = (members: readonly GcpValue[]): string =>
  members.length
    ? members
        .slice(0, 3)
        .map((m) => `\`${m.v}\``)
        .join(', ') + (members.length > 3 ? ' …' : '')
    : 'its members';

export const isServiceAccount = (m: string): boolean => /^serviceAccount:/i.test(m);
/** The Compute Engine and App Engine default service accounts (Editor on the project by default). */
export const isDefaultServiceAccount = (m: string): boolean => /-compute@developer\.gserviceaccount\.com$|@appspot\.gserviceaccount\.com$/i.test(m);
