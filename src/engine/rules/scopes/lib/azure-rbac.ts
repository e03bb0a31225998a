/**
 * Azure RBAC in Terraform (`azurerm_role_definition`, `azurerm_role_assignment`) and ARM JSON templates
 * (`Microsoft.Authorization/roleDefinitions`, `…/roleAssignments`, nested `resources` included;
 * `[parameters('x')]` / `[variables('x')]` resolved to their default values), with positions.
 */
import { attr, parseHcl, type HclValue } from '../../../parse/hcl.js';
import { parseJson, type YamlDoc, type YamlNode } from '../../../parse/yaml.js';

export type AzureScope = 'root' | 'management-group' | 'subscription' | 'resource-group' | 'resource' | 'unknown';

export interface AzValue {
  v: string;
  line: number;
  column: number;
}

export interface AzureRoleDefinition {
  address: string;
  line: number;
  actions: AzValue[];
  dataActions: AzValue[];
  /** Actions taken back out of `actions` (`not_actions`, `notActions`). */
  notActions: AzValue[];
  scopes: AzureScope[];
}

export interface AzureRoleAssignment {
  address: string;
  line: number;
  /** Role name or GUID as written. */
  role: AzValue | undefined;
  scope: AzureScope;
  scopeText: string;
  principal: string;
}

/** Built-in role ids of the privileged roles. */
export const BUILTIN_ROLE_IDS: Record<string, string> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': 'Role Based Access Control Administrator',
};

export function classifyScope(s: string): AzureScope {
  const t = s.trim();
  if (t === '/') return 'root';
  if (/managementGroups|azurerm_management_group|managementGroup\(\)|tenantResourceId\('Microsoft\.Management/i.test(t)) return 'management-group';
  if (/resourceGroups\/[^/]+\/providers\//i.test(t)) return 'resource';
  if (/resourceGroups|azurerm_resource_group|resourceGroup\(\)/i.test(t)) return 'resource-group';
  if (/^\/subscriptions\/[^/]+\/?$|azurerm_subscription|subscription\(\)\.id|^\[subscription\(\)|azurerm_client_config\.[\w.]+subscription_id|subscriptionResourceId\(\)/i.test(t))
    return 'subscription';
  if (/^\/subscriptions\/[^/]+\/providers\//i.test(t)) return 'resource';
  return 'unknown';
}

const SCOPE_RANK: Record<AzureScope, number> = { root: 5, 'management-group': 4, subscription: 3, unknown: 2, 'resource-group': 1, resource: 0 };
export const broadest = (scopes: AzureScope[]): AzureScope => scopes.reduce<AzureScope>((a, b) => (SCOPE_RANK[b] > SCOPE_RANK[a] ? b : a), scopes.length ? 'resource' : 'unknown');
export const atLeastSubscription = (s: AzureScope): boolean => s === 'root' || s === 'management-group' || s === 'subscription';

// ---------------------------------------------------------------------------------------------------

function tfStrings(v: HclValue | undefined): AzValue[] {
  if (!v) return [];
  if (v.kind === 'string' || v.kind === 'template') return [{ v: v.value, line: v.pos.line, column: v.pos.column }];
  if (v.kind === 'tuple') return v.items.flatMap(tfStrings);
  if (v.kind === 'expr') return [{ v: v.text, line: v.pos.line, column: v.pos.column }];
  return [];
}

let cache: { path: string; text: string; defs: AzureRoleDefinition[]; assigns: AzureRoleAssignment[] } | undefined;

export function azureRbac(path: string, text: string): { defs: AzureRoleDefinition[]; assigns: AzureRoleAssignment[] } {
  if (cache && cache.path === path && cache.text === text) return cache;
  const defs: AzureRoleDefinition[] = [];
  const assigns: AzureRoleAssignment[] = [];
  if (/\.tf$/i.test(path)) {
    const hcl = parseHcl(text);
    for (const b of hcl?.root.blocks ?? []) {
      if (b.type !== 'resource') continue;
      const [type, name] = b.labels;
      const address = `${type}.${name}`;
      if (type === 'azurerm_role_definition') {
        const perms = b.blocks.filter((c) => c.type === 'permissions');
        const scopes = tfStrings(attr(b, 'assignable_scopes')?.value).map((s) => classifyScope(s.v));
        const scope = tfStrings(attr(b, 'scope')?.value).map((s) => classifyScope(s.v));
        defs.push({
          address,
          line: b.pos.line,
          actions: perms.flatMap((p) => tfStrings(attr(p, 'actions')?.value)),
          dataActions: perms.flatMap((p) => tfStrings(attr(p, 'data_actions')?.value)),
          notActions: perms.flatMap((p) => tfStrings(attr(p, 'not_actions')?.value)),
          scopes: scopes.length ? scopes : scope,
        });
      } else if (type === 'azurerm_role_assignment') {
        const role = tfStrings((attr(b, 'role_definition_name') ?? attr(b, 'role_definition_id'))?.value)[0];
        const scopeText = tfStrings(attr(b, 'scope')?.value)[0]?.v ?? '';
        const principal = tfStrings(attr(b, 'principal_id')?.value)[0]?.v ?? '';
        assigns.push({ address, line: b.pos.line, role, scope: classifyScope(scopeText), scopeText, principal });
      }
    }
  } else if (/\.json$/i.test(path) && /Microsoft\.Authorization\/role/i.test(text)) {
    const doc = parseJson(text)?.first;
    if (doc) {
      const schema = /subscriptionDeploymentTemplate|managementGroupDeploymentTemplate|tenantDeploymentTemplate/i.exec(doc.str(doc.get(doc.root, '$schema')) ?? '')?.[0];
      armResources(doc, doc.get(doc.root, 'resources'), defs, assigns, schema);
      // One resource per file, as a library of role definitions keeps them (Azure Landing Zones'
      // `role_definition_*.tmpl.json`, read by Terraform's templatefile()).
      if (doc.root && doc.str(doc.get(doc.root, 'type')) !== undefined) armResource(doc, doc.root, defs, assigns, schema);
    }
  } else if (/\.json$/i.test(path) && /"AssignableScopes"\s*:/i.test(text)) {
    // `az role definition create --role-definition role.json` (and PowerShell's New-AzRoleDefinition):
    // `{"Name": …, "Actions": […], "NotActions": […], "AssignableScopes": […]}`.
    const doc = parseJson(text)?.first;
    const root = doc?.root;
    if (doc && root && doc.isMap(root)) {
      const key = (name: string): YamlNode | undefined => {
        const e = doc.entries(root).find((x) => x.key.toLowerCase() === name.toLowerCase());
        return e?.value;
      };
      const actions = armStrings(doc, key('Actions'));
      if (actions.length)
        defs.push({
          address: `role definition ${doc.str(key('Name')) ?? doc.str(key('roleName')) ?? path}`,
          line: doc.pos(root)?.line ?? 1,
          actions,
          dataActions: armStrings(doc, key('DataActions')),
          notActions: armStrings(doc, key('NotActions')),
          scopes: armStrings(doc, key('AssignableScopes')).map((x) => classifyScope(x.v)),
        });
    }
  }
  cache = { path, text, defs, assigns };
  return cache;
}

function armValue(doc: YamlDoc, node: YamlNode | undefined, depth = 0): YamlNode | undefined {
  const s = doc.str(node);
  if (depth > 4 || !s) return node;
  const m = /^\[(parameters|variables)\('([^']+)'\)\]$/.exec(s.trim());
  if (!m) return node;
  const target = m[1] === 'parameters' ? doc.get(doc.root, 'parameters', m[2]!, 'defaultValue') : doc.get(doc.root, 'variables', m[2]!);
  return target ? armValue(doc, target, depth + 1) : node;
}

function armStrings(doc: YamlDoc, node: YamlNode | undefined): AzValue[] {
  const n = armValue(doc, node);
  // Values resolved from a parameter or variable are reported where the resource uses them.
  const usedAt = n !== node ? doc.pos(node) : undefined;
  const items = doc.isSeq(n) ? doc.items(n) : n ? [n] : [];
  const out: AzValue[] = [];
  for (const i of items) {
    const r = armValue(doc, i);
    const s = doc.str(r);
    const p = usedAt ?? (r !== i ? doc.pos(i) : undefined) ?? doc.pos(i) ?? doc.pos(node) ?? { line: 1, column: 1 };
    if (s !== undefined) out.push({ v: s, line: p.line, column: p.column });
  }
  return out;
}

function armResources(doc: YamlDoc, list: YamlNode | undefined, defs: AzureRoleDefinition[], assigns: AzureRoleAssignment[], schema: string | undefined): void {
  for (const r of doc.items(list)) armResource(doc, r, defs, assigns, schema);
}

function armResource(doc: YamlDoc, r: YamlNode, defs: AzureRoleDefinition[], assigns: AzureRoleAssignment[], schema: string | undefined): void {
  const type = doc.str(doc.get(r, 'type')) ?? '';
  const name = doc.str(doc.get(r, 'name')) ?? '';
  const line = doc.pos(r)?.line ?? 1;
  const props = doc.get(r, 'properties');
  const deploymentScope: AzureScope = schema ? (/subscription/i.test(schema) ? 'subscription' : /managementGroup/i.test(schema) ? 'management-group' : 'root') : 'resource-group';
  if (/^Microsoft\.Authorization\/roleDefinitions$/i.test(type)) {
    const perms = doc.items(armValue(doc, doc.get(props, 'permissions')));
    const scopes = armStrings(doc, doc.get(props, 'assignableScopes')).map((s) => classifyScope(s.v));
    defs.push({
      address: `${type}/${name}`,
      line,
      actions: perms.flatMap((p) => armStrings(doc, doc.get(p, 'actions'))),
      dataActions: perms.flatMap((p) => armStrings(doc, doc.get(p, 'dataActions'))),
      notActions: perms.flatMap((p) => armStrings(doc, doc.get(p, 'notActions'))),
      scopes,
    });
  } else if (/^Microsoft\.Authorization\/roleAssignments$/i.test(type)) {
    const role = armStrings(doc, doc.get(props, 'roleDefinitionId'))[0];
    const scopeText = doc.str(armValue(doc, doc.get(r, 'scope'))) ?? doc.str(armValue(doc, doc.get(props, 'scope'))) ?? '';
    assigns.push({
      address: `${type}/${name}`,
      line,
      role,
      scope: scopeText ? classifyScope(scopeText) : deploymentScope,
      scopeText: scopeText || `(${deploymentScope} deployment)`,
      principal: doc.str(armValue(doc, doc.get(props, 'principalId'))) ?? '',
    });
  }
  armResources(doc, doc.get(r, 'resources'), defs, assigns, schema);
}

/** The built-in role an assignment names (`Owner`), by name or by role-definition GUID. */
export function roleName(v: string): string | undefined {
  const guid = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(v)?.[1]?.toLowerCase();
  if (guid && BUILTIN_ROLE_IDS[guid]) return BUILTIN_ROLE_IDS[guid];
  return v;
}
