/**
 * Yandex Cloud primitive roles granted on a whole cloud, folder or organization in Terraform: `admin`
 * (critical: every resource, and who may access it), `editor` (high: every resource of every service), and
 * the owner roles `resource-manager.clouds.owner`, `organization-manager.organizations.owner`,
 * `organization-manager.admin` (critical) — instead of the service roles the member uses
 * (`storage.editor`, `compute.operator`, `k8s.clusters.agent`, …).
 * `yandex_resourcemanager_{cloud,folder}_iam_{member,binding}` and
 * `yandex_organizationmanager_organization_iam_{member,binding}`.
 *
 * ```yaml
 * rules:
 *   scopes/yandex-elevated-role:
 *     options:
 *       allowMembers: []   # member globs that may hold them, e.g. ["federatedUser:ajeXXXXXXXX"]
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { attr, parseHcl, type HclValue } from '../../parse/hcl.js';
import { LEAST_PRIVILEGE } from './lib/controls.js';
import { anyGlob, optList } from './lib/rule-options.js';

const LEVEL: Record<string, string> = {
  yandex_resourcemanager_cloud_iam_member: 'cloud',
  yandex_resourcemanager_cloud_iam_binding: 'cloud',
  yandex_resourcemanager_folder_iam_member: 'folder',
  yandex_resourcemanager_folder_iam_binding: 'folder',
  yandex_organizationmanager_organization_iam_member: 'organization',
  yandex_organizationmanager_organization_iam_binding: 'organization',
};

const ROLES: Record<string, { severity: Severity; what: string }> = {
  admin: { severity: 'critical', what: 'manage every resource and grant access to it' },
  editor: { severity: 'high', what: 'create, change and delete every resource of every service' },
  'resource-manager.clouds.owner': { severity: 'critical', what: 'own the cloud: every resource and every grant' },
  'organization-manager.organizations.owner': { severity: 'critical', what: 'own the organization: every cloud, member and grant' },
  'organization-manager.admin': { severity: 'critical', what: 'administer the organization: its members, groups and grants' },
};

/** Literal strings of a value (one, or a list); references are unknown and skipped. */
const strs = (v: HclValue | undefined): Array<{ v: string; line: number; column: number }> =>
  !v ? [] : v.kind === 'string' ? [{ v: v.value, line: v.pos.line, column: v.pos.column }] : v.kind === 'tuple' ? v.items.flatMap(strs) : [];

const rule: Rule = {
  meta: {
    id: 'scopes/yandex-elevated-role',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Yandex Cloud primitive role (`admin`, `editor`) or owner role granted on a whole cloud, folder or organization',
    controls: [...LEAST_PRIVILEGE, 'NIST-800-53-AC-6(1)', 'NIST-800-53-AC-6(5)'],
    remediation:
      'Grant the service roles the member uses (e.g. `storage.editor`, `compute.operator`, `container-registry.images.puller`) on the folder or the resource, to a service account or federated group; keep `admin` and the owner roles to a break-glass account.',
    options: {
      allowMembers: stringList('Member globs that may hold these roles, e.g. `["federatedUser:ajeXXXXXXXX"]`.'),
    },
  },
  keywords: ['yandex_resourcemanager_', 'yandex_organizationmanager_'],
  scope: 'file',
  globOptions: ['allowMembers'],
  appliesTo: (path) => /\.tf$/i.test(path),
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowMembers', []);
    const out: RawFinding[] = [];
    for (const b of parseHcl(file.text)?.root.blocks ?? []) {
      const [type, name] = b.labels;
      if (b.type !== 'resource' || !type || name === undefined) continue;
      const level = LEVEL[type];
      const role = attr(b, 'role')?.value;
      if (!level || role?.kind !== 'string') continue;
      const known = ROLES[role.value];
      if (!known) continue;
      const members = [...strs(attr(b, 'member')?.value), ...strs(attr(b, 'members')?.value)];
      const shown = members.filter((m) => !anyGlob(allow, m.v));
      if (members.length && !shown.length) continue;
      const who = shown.length
        ? shown
            .slice(0, 3)
            .map((m) => `\`${m.v}\``)
            .join(', ') + (shown.length > 3 ? ' …' : '')
        : 'its members';
      out.push({
        line: role.pos.line,
        column: role.pos.column,
        message: `\`${type}.${name}\` grants \`${role.value}\` on the whole ${level} to ${who}: they can ${known.what}.`,
        construct: `yandex-role:${type}.${name}:${role.value}`,
        severity: known.severity,
      });
    }
    return out;
  },
};

export default rule;
