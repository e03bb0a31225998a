import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/azure-role-wildcard.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const tf = (actions: string, scopes = 'data.azurerm_subscription.primary.id') => y`
  resource "azurerm_role_definition" "custom" {
    name  = "custom"
    scope = data.azurerm_subscription.primary.id
    permissions {
      actions     = [${actions}]
      not_actions = []
    }
    assignable_scopes = [${scopes}]
  }
`;

const arm = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
    parameters: { actions: { type: 'array', defaultValue: ['*'] } },
    resources: [
      {
        type: 'Microsoft.Authorization/roleDefinitions',
        apiVersion: '2022-04-01',
        name: "[guid(subscription().id, 'ops')]",
        properties: { roleName: 'ops', permissions: [{ actions: "[parameters('actions')]", notActions: [] }], assignableScopes: ['[subscription().id]'] },
      },
    ],
  },
  null,
  2,
);

ruleTester(rule, {
  valid: [
    { code: tf('"Microsoft.Authorization/*/read", "Microsoft.Resources/subscriptions/resourceGroups/read"'), path: 'rbac.tf' },
    { code: arm.replace('["*"]', '["Microsoft.Web/sites/read"]').replace('[\n        "*"\n      ]', '[\n        "Microsoft.Web/sites/read"\n      ]'), path: 'role.json' },
    { code: tf('"*"'), path: 'rbac.tf', options: { allowRoles: ['azurerm_role_definition.custom'] } },
    // `*` assignable only to a resource group (as a reference or a path)
    { code: tf('"*"', 'azurerm_resource_group.rg.id'), path: 'rbac.tf' },
    { code: tf('"*"', '"/subscriptions/${var.subscription_id}/resourceGroups/${var.environment_name}"'), path: 'rbac.tf' },
  ],
  invalid: [
    { code: tf('"*"'), path: 'rbac.tf', count: 1, line: 5 },
    { code: tf('"Microsoft.Authorization/*"', 'azurerm_resource_group.rg.id'), path: 'rbac.tf', count: 1, line: 5 },
    { code: arm, path: 'role.json', count: 1, line: 20 },
    // no assignable_scopes: they default to the role's scope, a subscription
    {
      code: 'data "azurerm_subscription" "primary" {}\nresource "azurerm_role_definition" "r" {\n  name  = "r"\n  scope = data.azurerm_subscription.primary.id\n  permissions {\n    actions     = ["*"]\n    not_actions = []\n  }\n}\n',
      path: 'rbac.tf',
      count: 1,
      line: 6,
    },
    // assignable at the root
    { code: tf('"*"', '"/"'), path: 'rbac.tf', count: 1 },
  ],
});

describe('scopes/azure-role-wildcard severity', () => {
  it('is critical at subscription scope, nothing when assignable only to a resource group', () => {
    expect(runRule(rule, { code: tf('"*"'), path: 'rbac.tf' })[0]!.severity).toBe('critical');
    expect(runRule(rule, { code: tf('"*"', 'azurerm_resource_group.rg.id'), path: 'rbac.tf' })).toEqual([]);
  });
  it('does not report provider-level wildcards', () => {
    // checkov's passing custom role
    const found = runRule(rule, { code: tf('"Microsoft.Authorization/*/read", "Microsoft.Insights/alertRules/*", "Microsoft.Resources/deployments/write", "Microsoft.Support/*"'), path: 'rbac.tf' });
    expect(found).toEqual([]);
    expect(runRule(rule, { code: tf('"Microsoft.Compute/*"'), path: 'rbac.tf' })).toEqual([]);
  });
});

describe('scopes/azure-role-wildcard: role definitions kept one per file', () => {
  it('reads a standalone ARM resource (a landing-zone library template) and the az CLI format', () => {
    const standalone = JSON.stringify(
      {
        name: '402344ce-48c4-5ac1-9320-16726050f964',
        type: 'Microsoft.Authorization/roleDefinitions',
        apiVersion: '2018-01-01-preview',
        properties: {
          roleName: 'Subscription-Owner',
          type: 'customRole',
          permissions: [{ actions: ['*'], notActions: ['Microsoft.Authorization/*/write'], dataActions: [], notDataActions: [] }],
          assignableScopes: ['/subscriptions/00000000-0000-0000-0000-000000000000'],
        },
      },
      null,
      4,
    );
    expect(runRule(rule, { code: standalone, path: 'lib/role_definitions/role_definition_es_subscription_owner.tmpl.json' })).toHaveLength(1);
    const cli = JSON.stringify(
      { Name: 'Ops Admin', IsCustom: true, Actions: ['*'], NotActions: [], DataActions: [], AssignableScopes: ['/subscriptions/00000000-0000-0000-0000-000000000000'] },
      null,
      2,
    );
    const [f] = runRule(rule, { code: cli, path: 'roles/ops-admin.json' });
    expect(f!.message).toMatch(/Ops Admin/);
    // read-only actions in the same format are not reported
    expect(runRule(rule, { code: cli.replace('"*"', '"Microsoft.Compute/*/read"'), path: 'roles/ops-reader.json' })).toEqual([]);
  });
});

describe('scopes/azure-role-wildcard: notActions', () => {
  it('calls * without role assignment a custom Contributor role, high at a subscription, not critical', () => {
    const def = (notActions: string[]) =>
      JSON.stringify(
        {
          type: 'Microsoft.Authorization/roleDefinitions',
          name: 'sub-owner',
          properties: { roleName: 'Subscription-Owner', permissions: [{ actions: ['*'], notActions }], assignableScopes: ['/subscriptions/00000000-0000-0000-0000-000000000000'] },
        },
        null,
        2,
      );
    const [f] = runRule(rule, { code: def(['Microsoft.Authorization/*/write', 'Microsoft.Network/vpnGateways/*']), path: 'roles/sub-owner.json' });
    expect(f!.severity).toBe('high');
    expect(f!.message).toMatch(/custom Contributor role/);
    expect(runRule(rule, { code: def(['Microsoft.Network/vpnGateways/*']), path: 'roles/sub-owner.json' })[0]!.severity).toBe('critical');
  });
});
