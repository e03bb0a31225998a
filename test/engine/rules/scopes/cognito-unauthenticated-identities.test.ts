import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/cognito-unauthenticated-identities.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';

const pool = (allow: string) => `resource "aws_cognito_identity_pool" "main" {\n  identity_pool_name = "main"\n${allow}}\n`;
const cfn = (allow: string) =>
  `AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  AllowGuests:\n    Type: String\nResources:\n  Pool:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      IdentityPoolName: main\n      AllowUnauthenticatedIdentities: ${allow}\n`;

ruleTester(rule, {
  valid: [
    { code: pool(''), path: 'cognito.tf' },
    { code: pool('  allow_unauthenticated_identities = false\n'), path: 'cognito.tf' },
    { code: pool('  allow_unauthenticated_identities = var.allow_guests\n'), path: 'cognito.tf' },
    { code: pool('  allow_unauthenticated_identities = true\n'), path: 'cognito.tf', options: { allowPools: ['aws_cognito_identity_pool.main'] } },
    { code: cfn('false'), path: 'template.yaml' },
    { code: cfn('!Ref AllowGuests'), path: 'template.yaml' },
  ],
  invalid: [
    { code: pool('  allow_unauthenticated_identities = true\n'), path: 'cognito.tf', count: 1, line: 3 },
    { code: cfn('true'), path: 'template.yaml', count: 1, line: 10 },
    { code: JSON.stringify({ Resources: { Pool: { Type: 'AWS::Cognito::IdentityPool', Properties: { AllowUnauthenticatedIdentities: true } } } }, null, 2), path: 'template.json', count: 1, line: 6 },
  ],
});

describe('scopes/cognito-unauthenticated-identities message', () => {
  it('names the pool, medium', () => {
    const [f] = runRule(rule, { code: pool('  allow_unauthenticated_identities = true\n'), path: 'cognito.tf' });
    expect(f!.severity).toBe('medium');
    expect(f!.message).toMatch(/^`aws_cognito_identity_pool\.main` allows unauthenticated identities/);
  });
});
