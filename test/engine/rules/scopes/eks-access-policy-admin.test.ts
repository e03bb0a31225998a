import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/eks-access-policy-admin.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

// Policy names assembled at run time: the repository scans itself.
const CLUSTER_ADMIN = 'AmazonEKS' + 'ClusterAdminPolicy';
const ADMIN = 'AmazonEKS' + 'AdminPolicy';
const arn = (p: string) => `arn:aws:eks::aws:cluster-access-policy/${p}`;
const ROLE = 'arn:aws:iam::123456789012:role/ops';

const tf = (policy: string, scope: string) => y`
  resource "aws_eks_access_entry" "ops" {
    cluster_name  = aws_eks_cluster.main.name
    principal_arn = "${ROLE}"
  }

  resource "aws_eks_access_policy_association" "ops" {
    cluster_name  = aws_eks_cluster.main.name
    policy_arn    = "${policy}"
    principal_arn = "${ROLE}"

    access_scope {
      ${scope}
    }
  }
`;
const cfn = (policy: string, scope: string) => y`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    OpsAccess:
      Type: AWS::EKS::AccessEntry
      Properties:
        ClusterName: !Ref Cluster
        PrincipalArn: !GetAtt OpsRole.Arn
        AccessPolicies:
          - PolicyArn: ${policy}
            AccessScope:
              ${scope}
`;

ruleTester(rule, {
  valid: [
    { code: tf(arn(CLUSTER_ADMIN), 'type       = "namespace"\n    namespaces = ["ops"]'), path: 'eks.tf' },
    { code: tf(arn('AmazonEKSViewPolicy'), 'type = "cluster"'), path: 'eks.tf' },
    { code: tf(arn('AmazonEKSEditPolicy'), 'type = "cluster"'), path: 'eks.tf' },
    // a scope type Terraform computes is unknown
    { code: tf(arn(CLUSTER_ADMIN), 'type = var.scope'), path: 'eks.tf' },
    { code: tf(arn(CLUSTER_ADMIN), 'type = "cluster"'), path: 'eks.tf', options: { allowPrincipals: ['arn:aws:iam::*:role/ops'] } },
    { code: cfn(arn(CLUSTER_ADMIN), 'Type: namespace\n          Namespaces: [ops]'), path: 'eks.yaml' },
    // the cluster creator's own entry is the break-glass admin
    {
      code: `resource "aws_eks_cluster" "main" {\n  name = "main"\n  access_config {\n    authentication_mode                         = "API"\n    bootstrap_cluster_creator_admin_permissions = true\n  }\n}\n# ${CLUSTER_ADMIN}\n`,
      path: 'eks.tf',
    },
  ],
  invalid: [
    { code: tf(arn(CLUSTER_ADMIN), 'type = "cluster"'), path: 'eks.tf', count: 1, line: 8 },
    { code: tf(`arn:\${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/${ADMIN}`, 'type = "cluster"'), path: 'eks.tf', count: 1, line: 8 },
    { code: cfn(arn(CLUSTER_ADMIN), 'Type: cluster'), path: 'eks.yaml', count: 1, line: 9 },
    { code: cfn(`!Sub "arn:\${AWS::Partition}:eks::aws:cluster-access-policy/${CLUSTER_ADMIN}"`, 'Type: cluster'), path: 'cfn/eks.yml', count: 1, line: 9 },
  ],
});

describe('scopes/eks-access-policy-admin', () => {
  it('is high for the cluster-admin policy and medium for the admin policy, naming the principal', () => {
    const [a] = runRule(rule, { code: tf(arn(CLUSTER_ADMIN), 'type = "cluster"'), path: 'eks.tf' });
    expect(a!.severity).toBe('high');
    expect(a!.message).toBe(
      `\`aws_eks_access_policy_association.ops\` associates \`${CLUSTER_ADMIN}\` with \`${ROLE}\` at cluster scope: \`cluster-admin\`: every verb on every resource, in every namespace and cluster-wide, granted by EKS before RBAC — no binding in the cluster shows it.`,
    );
    const [b] = runRule(rule, { code: tf(arn(ADMIN), 'type = "cluster"'), path: 'eks.tf' });
    expect(b!.severity).toBe('medium');
  });

  it('reads terraform-aws-eks access_entries policy associations, under their principal', () => {
    const code = y`
      module "eks" {
        source  = "terraform-aws-modules/eks/aws"
        enable_cluster_creator_admin_permissions = true
        access_entries = {
          ops = {
            principal_arn = "${ROLE}"
            policy_associations = {
              admin = {
                policy_arn = "${arn(CLUSTER_ADMIN)}"
                access_scope = {
                  type = "cluster"
                }
              }
            }
          }
          dev = {
            principal_arn = "arn:aws:iam::123456789012:role/dev"
            policy_associations = {
              edit = {
                policy_arn   = "${arn(ADMIN)}"
                access_scope = { type = "namespace", namespaces = ["dev"] }
              }
            }
          }
        }
      }
    `;
    const found = runRule(rule, { code, path: 'main.tf' });
    expect(found.map((f) => [f.startLine, f.severity])).toEqual([[9, 'high']]);
    expect(found[0]!.message).toMatch(/^module `eks` \(`access_entries`\) associates `\w+` with `arn:aws:iam::123456789012:role\/ops`/);
  });

  it('reads CloudFormation JSON and eksctl accessEntries', () => {
    const json = JSON.stringify(
      {
        Resources: {
          Admin: {
            Type: 'AWS::EKS::AccessEntry',
            Properties: {
              ClusterName: 'c',
              PrincipalArn: ROLE,
              AccessPolicies: [{ PolicyArn: { 'Fn::Sub': `arn:\${AWS::Partition}:eks::aws:cluster-access-policy/${CLUSTER_ADMIN}` }, AccessScope: { Type: 'cluster' } }],
            },
          },
        },
      },
      null,
      2,
    );
    expect(runRule(rule, { code: json, path: 'eks.json' }).map((f) => f.startLine)).toEqual([10]);
    const eksctl = y`
      apiVersion: eksctl.io/v1alpha5
      kind: ClusterConfig
      metadata: { name: c, region: eu-west-1 }
      accessConfig:
        authenticationMode: API
        accessEntries:
          - principalARN: ${ROLE}
            accessPolicies:
              - policyARN: ${arn(ADMIN)}
                accessScope:
                  type: cluster
              - policyARN: ${arn('AmazonEKSViewPolicy')}
                accessScope:
                  type: cluster
    `;
    const found = runRule(rule, { code: eksctl, path: 'cluster.yaml' });
    expect(found.map((f) => [f.startLine, f.severity])).toEqual([[9, 'medium']]);
    expect(found[0]!.message).toMatch(/^eksctl `accessConfig.accessEntries` associates/);
  });
});
