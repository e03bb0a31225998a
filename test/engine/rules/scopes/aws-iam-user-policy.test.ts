import rule from '../../../../src/engine/rules/scopes/aws-iam-user-policy.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const tf = y`
  resource "aws_iam_user_policy" "deployer" {
    name   = "deploy"
    user   = aws_iam_user.deployer.name
    policy = data.aws_iam_policy_document.deploy.json
  }

  resource "aws_iam_policy_attachment" "shared" {
    name       = "shared"
    users      = ["alice"]
    roles      = [aws_iam_role.app.name]
    policy_arn = aws_iam_policy.shared.arn
  }

  resource "aws_iam_user_policy_attachment" "bob" {
    user       = "bob"
    policy_arn = aws_iam_policy.shared.arn
  }
`;

ruleTester(rule, {
  valid: [
    { code: 'resource "aws_iam_group_policy_attachment" "devs" {\n  group      = aws_iam_group.devs.name\n  policy_arn = aws_iam_policy.dev.arn\n}\n', path: 'iam.tf' },
    { code: 'resource "aws_iam_policy_attachment" "roles" {\n  name       = "x"\n  users      = []\n  roles      = ["app"]\n  policy_arn = "arn"\n}\n', path: 'iam.tf' },
    { code: 'resource "aws_iam_user_policy_attachment" "ci" {\n  user       = "ci-deployer"\n  policy_arn = "arn"\n}\n', path: 'iam.tf', options: { allowUsers: ['ci-*'] } },
    {
      code: y`
        Resources:
          Policy:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: root
              PolicyDocument: { Statement: [] }
              Roles: [app]
      `,
      path: 'template.yaml',
    },
  ],
  invalid: [
    { code: tf, path: 'iam.tf', count: 3, line: 3 },
    {
      code: y`
        Resources:
          Admin:
            Type: AWS::IAM::User
            Properties:
              UserName: admin
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/ReadOnlyAccess
          Policy:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: root
              PolicyDocument: { Statement: [] }
              Users:
                - !Ref Admin
      `,
      path: 'template.yaml',
      count: 2,
      line: 6,
    },
  ],
});
