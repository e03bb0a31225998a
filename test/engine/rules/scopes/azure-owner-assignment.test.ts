import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/azure-owner-assignment.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const tf = (role: string, scope = 'data.azurerm_subscription.primary.id') => y`
  resource "azurerm_role_assignment" "ci" {
    scope                = ${scope}
    role_definition_name = "${role}"
    principal_id         = azuread_service_principal.ci.object_id
  }
`;

ruleTester(rule, {
  valid: [
    { code: tf('Reader'), path: 'rbac.tf' },
    { code: tf('Contributor', 'azurerm_resource_group.app.id'), path: 'rbac.tf' },
    { code: tf('Owner'), path: 'rbac.tf', options: { allowPrincipals: ['azuread_service_principal.ci.*'] } },
  ],
  invalid: [
    { code: tf('Owner'), path: 'rbac.tf', count: 1, line: 3 },
    { code: tf('Contributor', '"/subscriptions/00000000-0000-0000-0000-000000000000"'), path: 'rbac.tf', count: 1, line: 3 },
    {
      code: JSON.stringify(
        {
          $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
          resources: [
            {
              type: 'Microsoft.Authorization/roleAssignments',
              name: "[guid(subscription().id, 'ci')]",
              properties: {
                roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')]",
                principalId: "[parameters('principalId')]",
              },
            },
          ],
        },
        null,
        2,
      ),
      path: 'assign.json',
      count: 1,
      line: 8,
    },
  ],
});

describe('scopes/azure-owner-assignment severity', () => {
  it('grades Owner critical and Contributor high at subscription scope, Owner on a resource group medium', () => {
    expect(runRule(rule, { code: tf('Owner'), path: 'rbac.tf' })[0]!.severity).toBe('critical');
    expect(runRule(rule, { code: tf('Contributor'), path: 'rbac.tf' })[0]!.severity).toBe('high');
    expect(runRule(rule, { code: tf('Owner', 'azurerm_resource_group.app.id'), path: 'rbac.tf' })[0]!.severity).toBe('medium');
  });
});
