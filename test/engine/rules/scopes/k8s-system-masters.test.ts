import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/k8s-system-masters.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';

const ROLE = 'arn:aws:iam::123456789012:role/ops';
const NODE = 'arn:aws:iam::123456789012:role/eks-node';
const awsAuth = (groups: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n    - rolearn: ${NODE}\n      username: system:node:{{EC2PrivateDNSName}}\n      groups:\n        - system:bootstrappers\n        - system:nodes\n    - rolearn: ${ROLE}\n      username: ops\n      groups:\n        - ${groups}\n`;
const moduleInput = (groups: string) =>
  `module "eks" {\n  source = "terraform-aws-modules/eks/aws"\n  aws_auth_roles = [\n    {\n      rolearn  = "${ROLE}"\n      username = "ops"\n      groups   = ["${groups}"]\n    },\n  ]\n}\n`;

ruleTester(rule, {
  valid: [
    { code: awsAuth('platform-admins'), path: 'k8s/aws-auth.yaml' },
    { code: moduleInput('platform-admins'), path: 'eks.tf' },
    { code: awsAuth('system:masters'), path: 'k8s/aws-auth.yaml', options: { allowIdentities: ['arn:aws:iam::*:role/ops'] } },
    // a binding or a comment naming the group is not a mapping into it
    { code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  note: "system:masters"\n', path: 'k8s/cm.yaml' },
    { code: '# never map anyone to system:masters\nresource "kubernetes_namespace" "n" {\n  metadata {\n    name = "x"\n  }\n}\n', path: 'ns.tf' },
  ],
  invalid: [
    { code: awsAuth('system:masters'), path: 'k8s/aws-auth.yaml', count: 1, line: 16 },
    { code: moduleInput('system:masters'), path: 'eks.tf', count: 1, line: 7 },
    {
      code: `resource "kubernetes_config_map_v1_data" "aws_auth" {\n  metadata {\n    name      = "aws-auth"\n    namespace = "kube-system"\n  }\n  data = {\n    mapUsers = yamlencode([{ userarn = "arn:aws:iam::123456789012:user/jane", username = "jane", groups = ["system:masters"] }])\n  }\n  force = true\n}\n`,
      path: 'auth.tf',
      count: 1,
      line: 7,
    },
    {
      code: `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: c\n  region: eu-west-1\niamIdentityMappings:\n  - arn: ${ROLE}\n    groups:\n      - system:masters\n    username: ops\n`,
      path: 'cluster.yaml',
      count: 1,
      line: 9,
    },
  ],
});

describe('scopes/k8s-system-masters message', () => {
  it('names the identity and where it is mapped', () => {
    const [f] = runRule(rule, { code: awsAuth('system:masters'), path: 'k8s/aws-auth.yaml' });
    expect(f!.message).toBe(`ConfigMap \`aws-auth\` (\`mapRoles\`) maps \`${ROLE}\` into \`system:masters\`: cluster-admin before RBAC is consulted, which no binding grants and none can revoke.`);
    const heredoc = `resource "kubernetes_config_map" "aws_auth" {\n  metadata {\n    name = "aws-auth"\n  }\n  data = {\n    mapRoles = <<EOT\n- rolearn: ${ROLE}\n  groups:\n    - system:masters\nEOT\n  }\n}\n`;
    expect(runRule(rule, { code: heredoc, path: 'auth.tf' }).map((x) => x.startLine)).toEqual([9]);
  });
});
