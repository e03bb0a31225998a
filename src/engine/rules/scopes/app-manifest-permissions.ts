/**
 * GitHub App manifests (`app.yml` as Probot reads it, or manifest JSON for the manifest flow): the
 * `default_permissions` an App requests, judged against what the policy allows. By default, write
 * (or admin) on permissions that hand over administration, members, secrets, workflows, webhooks or
 * keys is flagged; an org lists what its Apps may hold in the rule's `allow` option:
 *
 * ```yaml
 * rules:
 *   scopes/app-manifest-permissions:
 *     options:
 *       allow: { workflows: write }          # permission → highest level allowed (read | write | admin)
 *       sensitive: [administration, ...]     # replaces the default list of read-at-most permissions
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { listOf } from '../../option-schema.js';
import { parseYaml, type YamlDoc, type YamlNode } from '../../parse/yaml.js';
import { TOKEN_GRANTS } from './lib/controls.js';
import { at } from './lib/workflow.js';

type AppLevel = 'read' | 'write' | 'admin';
const RANK: Record<string, number> = { none: 0, read: 1, write: 2, admin: 3 };

/** Permissions whose write access amounts to administering the repository or organisation. */
const CRITICAL = new Set(['administration', 'organization_administration', 'enterprise_administration']);

/** Read at most, unless the policy allows more. */
export const DEFAULT_SENSITIVE: readonly string[] = [
  'administration',
  'organization_administration',
  'members',
  'secrets',
  'organization_secrets',
  'dependabot_secrets',
  'actions_variables',
  'organization_actions_variables',
  'environments',
  'workflows',
  'repository_hooks',
  'organization_hooks',
  'organization_self_hosted_runners',
  'organization_personal_access_tokens',
  'organization_personal_access_token_requests',
  'organization_user_blocking',
  'organization_custom_roles',
  'organization_custom_org_roles',
  'git_ssh_keys',
  'gpg_keys',
  'email_addresses',
];

const WHY: Record<string, string> = {
  administration: 'change repository settings, branch protection, collaborators and delete the repository',
  organization_administration: 'change organisation settings',
  members: 'add and remove organisation members and teams',
  secrets: 'create and overwrite Actions secrets',
  organization_secrets: 'create and overwrite organisation Actions secrets',
  dependabot_secrets: 'create and overwrite Dependabot secrets',
  environments: 'change deployment environments, their protection rules and secrets',
  workflows: 'change GitHub Actions workflow files (and so run code with every secret)',
  repository_hooks: 'add webhooks that receive every event of the repository',
  organization_hooks: 'add webhooks that receive every event of the organisation',
  organization_self_hosted_runners: 'register self-hosted runners',
  git_ssh_keys: 'add SSH keys to the user’s account',
  gpg_keys: 'add GPG keys to the user’s account',
};

export interface AppManifestOptions {
  allow?: Record<string, string>;
  sensitive?: string[];
}

/** Maps named `default_permissions` anywhere in the document (a manifest may be nested in a config). */
function findPermissionMaps(doc: YamlDoc, node: YamlNode | undefined, depth = 0): Array<{ map: YamlNode; key: YamlNode | undefined }> {
  if (!node || depth > 6) return [];
  const out: Array<{ map: YamlNode; key: YamlNode | undefined }> = [];
  for (const e of doc.entries(node)) {
    if (e.key === 'default_permissions' && doc.isMap(e.value)) out.push({ map: e.value, key: e.keyNode });
    else if (doc.isMap(e.value) || doc.isSeq(e.value)) out.push(...findPermissionMaps(doc, e.value, depth + 1));
  }
  for (const it of doc.items(node)) out.push(...findPermissionMaps(doc, it, depth + 1));
  return out;
}

const rule: Rule = {
  meta: {
    id: 'scopes/app-manifest-permissions',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'GitHub App manifest requests admin-level or write permissions beyond what the policy allows',
    controls: [...TOKEN_GRANTS],
    remediation:
      'Request the lowest level that works (`read` instead of `write`, `write` instead of `admin`) and drop permissions the App does not use; if the App needs more, allow it in `scopes/app-manifest-permissions` with a justification.',
    options: {
      allow: {
        description: 'The highest level allowed per App permission, e.g. `{ workflows: write }`.',
        type: 'object',
        additionalProperties: { enum: ['none', 'read', 'write', 'admin'] },
        default: {},
      },
      sensitive: listOf('Permissions an App may hold at `read` at most unless `allow` says more (replaces the default list).', DEFAULT_SENSITIVE),
    },
  },
  keywords: ['default_permissions'],
  scope: 'file',
  appliesTo: (path) => /\.(?:ya?ml|json)$/i.test(path),
  check(file, ctx) {
    const parsed = parseYaml(file.text, /\.json$/i.test(file.path) ? { uniqueKeys: false } : {});
    const doc = parsed?.first;
    if (!doc) return [];
    const opts = ctx.options as AppManifestOptions;
    const sensitive = new Set(Array.isArray(opts.sensitive) ? opts.sensitive.map(String) : DEFAULT_SENSITIVE);
    const allow = opts.allow && typeof opts.allow === 'object' ? opts.allow : {};
    const named = /(?:^|\/)app\.ya?ml$|manifest[^/]*\.json$/i.test(file.path);
    const out: RawFinding[] = [];
    for (const { map } of findPermissionMaps(doc, doc.root)) {
      for (const e of doc.entries(map)) {
        const perm = e.key;
        const level = (doc.str(e.value) ?? '').toLowerCase();
        if (!(level in RANK) || level === 'none' || level === 'read') continue;
        const allowedLevel = String(allow[perm] ?? (sensitive.has(perm) ? 'read' : 'write')).toLowerCase() as AppLevel;
        if ((RANK[level] ?? 0) <= (RANK[allowedLevel] ?? 0)) continue;
        const isAdmin = level === 'admin';
        const severity: Severity = CRITICAL.has(perm) ? 'critical' : sensitive.has(perm) || isAdmin ? 'high' : 'medium';
        const why = WHY[perm] ? ` (it can ${WHY[perm]})` : '';
        const lower = isAdmin ? (allowedLevel === 'write' ? 'write' : 'read') : 'read';
        out.push(
          at(doc, e.keyNode, {
            message: `The App requests \`${perm}: ${level}\`${why}; the policy allows at most \`${allowedLevel}\` for \`${perm}\`.`,
            construct: `app-permission:${perm}:${level}`,
            severity,
            confidence: named ? 'high' : 'medium',
            remediation: `Lower it to \`${perm}: ${lower}\` or remove it if the App does not call the ${perm.replace(/_/g, ' ')} APIs; if it must keep \`${level}\`, allow it in the policy (\`scopes/app-manifest-permissions\` → \`options.allow.${perm}: ${level}\`) with a documented justification.`,
          }),
        );
      }
    }
    return out;
  },
};

export default rule;
