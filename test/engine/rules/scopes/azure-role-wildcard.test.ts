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
  ],
  invalid: [
    { code: tf('"*"'), path: 'rbac.tf', count: 1, line: 5 },
    { code: tf('"Microsoft.Authorization/*"', 'azurerm_resource_group.rg.id'), path: 'rbac.tf', count: 1, line: 5 },
    { code: arm, path: 'role.json', count: 1, line: 20 },
  ],
});

describe('scopes/azure-role-wildcard severity', () => {
  it('is critical at subscription scope, high on a resource group', () => {
    expect(runRule(rule, { code: tf('"*"'), path: 'rbac.tf' })[0]!.severity).toBe('critical');
    expect(runRule(rule, { code: tf('"*"', 'azurerm_resource_group.rg.id'), path: 'rbac.tf' })[0]!.severity).toBe('high');
  });
});
