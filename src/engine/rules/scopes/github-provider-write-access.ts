/**
 * Settings of the Terraform GitHub provider (`integrations/github`) that hand out write access by
 * default, one finding per setting:
 *
 * - `github_repository_deploy_key` with `read_only = false`: an SSH key, tied to no user and with no
 *   expiry, that can push to the repository (GitHub: a deploy key with write access can do what an
 *   organization member with admin access can). The provider's default is `read_only = true`, so only
 *   an explicit `false` (or `"false"`) is reported (medium).
 * - `default_workflow_permissions = "write"` on `github_workflow_repository_permissions` (and its other
 *   name `github_actions_default_workflow_repository_permissions`),
 *   `github_actions_organization_workflow_permissions` and `github_enterprise_actions_workflow_permissions`:
 *   every workflow that does not declare `permissions:` gets a GITHUB_TOKEN with write on contents,
 *   packages, pull requests, issues … (medium for a repository, high for an organization or enterprise).
 *   The provider's default is `read`.
 * - `can_approve_pull_request_reviews = true` on the same resources: workflows can approve pull requests,
 *   so an approval by `github-actions[bot]` can satisfy required reviews (medium for a repository, high
 *   for an organization or enterprise). The provider's default is `false`.
 * - `github_organization_settings` with `default_repository_permission = "write"` (medium) or
 *   `"admin"` (high): every member of the organization gets that on every repository. The provider's
 *   default is `read`.
 *
 * Values taken from variables or expressions are not judged (no finding): only literals are.
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { attr, parseHcl, type HclBlock, type HclValue } from '../../parse/hcl.js';
import { LEAST_PRIVILEGE, WORKFLOW_TOKEN } from './lib/controls.js';

/** Workflow-permission resources, by how far their setting reaches. */
const WORKFLOW_RESOURCES: Record<string, 'repository' | 'organization' | 'enterprise'> = {
  github_workflow_repository_permissions: 'repository',
  github_actions_default_workflow_repository_permissions: 'repository',
  github_actions_organization_workflow_permissions: 'organization',
  github_enterprise_actions_workflow_permissions: 'enterprise',
};

/** A literal string or bool, lower-cased (`"false"` and `false` alike); undefined for anything computed. */
function literal(v: HclValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'string') return v.value.trim().toLowerCase();
  if (v.kind === 'bool') return String(v.value);
  return undefined;
}

interface Setting {
  block: HclBlock;
  address: string;
  name: string;
  severity: Severity;
  message: string;
  remediation: string;
}

function finding(s: Setting): RawFinding {
  const a = attr(s.block, s.name)!;
  return {
    line: a.value.pos.line,
    column: a.value.pos.column,
    message: s.message,
    construct: `github-write:${s.address}:${s.name}`,
    severity: s.severity,
    remediation: s.remediation,
  };
}

function check(b: HclBlock, type: string, address: string): RawFinding[] {
  const out: RawFinding[] = [];
  if (type === 'github_repository_deploy_key') {
    if (literal(attr(b, 'read_only')?.value) === 'false') {
      out.push(
        finding({
          block: b,
          address,
          name: 'read_only',
          severity: 'medium',
          message: `\`${address}\` adds a deploy key with write access (\`read_only = false\`): an SSH key tied to no user and with no expiry can push to the repository, with the rights GitHub gives an admin member.`,
          remediation:
            'Set `read_only = true` (the provider default). For automation that must push, use a GitHub App installation token (short-lived, scoped to the repositories and permissions it needs) instead of a write deploy key.',
        }),
      );
    }
    return out;
  }
  const reach = WORKFLOW_RESOURCES[type];
  if (reach) {
    const wide = reach !== 'repository';
    const every = reach === 'repository' ? 'in the repository' : `in every repository of the ${reach}`;
    if (literal(attr(b, 'default_workflow_permissions')?.value) === 'write') {
      out.push(
        finding({
          block: b,
          address,
          name: 'default_workflow_permissions',
          severity: wide ? 'high' : 'medium',
          message: `\`${address}\` sets \`default_workflow_permissions = "write"\`: every workflow ${every} that does not declare \`permissions:\` gets a GITHUB_TOKEN that can write contents, packages, pull requests and issues.`,
          remediation: 'Set `default_workflow_permissions = "read"` (the provider default) and grant write per workflow or job with a `permissions:` block listing only the scopes it needs.',
        }),
      );
    }
    if (literal(attr(b, 'can_approve_pull_request_reviews')?.value) === 'true') {
      out.push(
        finding({
          block: b,
          address,
          name: 'can_approve_pull_request_reviews',
          severity: wide ? 'high' : 'medium',
          message: `\`${address}\` sets \`can_approve_pull_request_reviews = true\`: workflows ${every} can approve pull requests, so a workflow's approval can satisfy required reviews and code can merge without a person reviewing it.`,
          remediation: 'Set `can_approve_pull_request_reviews = false` (the provider default); let people approve pull requests.',
        }),
      );
    }
    return out;
  }
  if (type === 'github_organization_settings') {
    const perm = literal(attr(b, 'default_repository_permission')?.value);
    if (perm === 'write' || perm === 'admin') {
      out.push(
        finding({
          block: b,
          address,
          name: 'default_repository_permission',
          severity: perm === 'admin' ? 'high' : 'medium',
          message: `\`${address}\` sets \`default_repository_permission = "${perm}"\`: every member of the organization gets ${perm === 'admin' ? 'admin (push, change settings and branch protection, manage who has access)' : 'write (push)'} on every repository of the organization, whether or not they work on it.`,
          remediation:
            'Set `default_repository_permission = "read"` (the provider default) or `"none"`, and grant write or admin through teams (`github_team_repository`) on the repositories each team works on.',
        }),
      );
    }
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'scopes/github-provider-write-access',
    family: 'scopes',
    severity: 'medium',
    confidence: 'high',
    description:
      'Terraform GitHub provider setting that hands out write access by default (write deploy key, write default GITHUB_TOKEN, workflows approving pull requests, write/admin base permission for members)',
    controls: [...new Set([...LEAST_PRIVILEGE, ...WORKFLOW_TOKEN, 'NIST-800-53-AC-6(1)', 'NIST-800-53-CM-5'])],
    remediation:
      'Keep the provider defaults: `read_only = true` for deploy keys, `default_workflow_permissions = "read"` and `can_approve_pull_request_reviews = false` for workflows, `default_repository_permission = "read"` (or `"none"`) for the organization; grant write where it is needed (per workflow `permissions:`, per team).',
  },
  keywords: ['github_repository_deploy_key', 'workflow_permissions', 'workflow_repository_permissions', 'default_repository_permission'],
  scope: 'file',
  appliesTo: (p) => /\.tf$/i.test(p),
  check(file) {
    const hcl = parseHcl(file.text);
    const out: RawFinding[] = [];
    for (const b of hcl?.root.blocks ?? []) {
      const [type, name] = b.labels;
      if (b.type !== 'resource' || !type || name === undefined) continue;
      out.push(...check(b, type, `${type}.${name}`));
    }
    return out;
  },
};

export default rule;
