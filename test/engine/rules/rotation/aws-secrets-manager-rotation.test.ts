import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/aws-secrets-manager-rotation.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { brief, scanRepo } from './helpers.js';

const TF = 'infra/secrets.tf';
const secret = (name: string, extra = ''): string => `resource "aws_secretsmanager_secret" "${name}" {\n  name = "${name}"\n${extra}}\n`;
const rotation = (name: string, rules: string): string =>
  `resource "aws_secretsmanager_secret_rotation" "${name}" {\n  secret_id           = aws_secretsmanager_secret.${name}.id\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n  rotation_rules {\n    ${rules}\n  }\n}\n`;
const cfnSecret = 'Resources:\n  DbSecret:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      GenerateSecretString: {}\n';
const cfnSchedule = (rules: string): string =>
  `  DbRotation:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n      SecretId: !Ref DbSecret\n      RotationRules:\n        ${rules}\n`;

ruleTester(rule, {
  valid: [
    { code: secret('db') + rotation('db', 'automatically_after_days = 30'), path: TF },
    { code: rotation('x', 'schedule_expression = "cron(0 16 1,15 * ? *)"\n    duration = "3h"'), path: TF, name: 'a cron schedule with a window' },
    { code: rotation('db', 'automatically_after_days = 90') + secret('db'), path: TF, name: 'rotation first' },
    { code: rotation('x', 'schedule_expression = "rate(4 hours)"'), path: TF },
    { code: rotation('x', 'schedule_expression = "rate(90 days)"'), path: TF },
    { code: rotation('x', 'schedule_expression = "cron(0 12 * * ? *)"'), path: TF },
    { code: `variable "days" {\n  default = 30\n}\n${rotation('x', 'automatically_after_days = var.days')}`, path: TF },
    { code: rotation('x', 'automatically_after_days = 120'), path: TF, options: { maxRotationDays: 180 } },
    // older providers: rotation on the secret itself
    { code: secret('old', '  rotation_lambda_arn = aws_lambda_function.r.arn\n  rotation_rules {\n    automatically_after_days = 7\n  }\n'), path: TF },
    {
      code: `resource "aws_secretsmanager_secret_rotation" "r" {\n  secret_id = "\${aws_secretsmanager_secret.tpl.id}"\n  rotation_rules {\n    automatically_after_days = 1\n  }\n}\n${secret('tpl')}`,
      path: TF,
    },
    { code: cfnSecret + cfnSchedule('AutomaticallyAfterDays: 30'), path: 'cfn/db.yml' },
    { code: cfnSecret + cfnSchedule('ScheduleExpression: rate(10 days)').replace('!Ref DbSecret', '\n        Ref: DbSecret'), path: 'cfn/db.yml' },
  ],
  invalid: [
    { code: secret('db'), path: TF, count: 1, line: 1 },
    { code: secret('db') + rotation('other', 'automatically_after_days = 30'), path: TF, count: 1, line: 1 },
    { code: rotation('x', 'automatically_after_days = 91'), path: TF, count: 1, line: 5 },
    { code: rotation('x', 'schedule_expression = "rate(180 days)"'), path: TF, count: 1 },
    { code: rotation('x', 'automatically_after_days = var.days'), path: TF, count: 1, name: 'unverifiable interval' },
    { code: 'resource "aws_secretsmanager_secret_rotation" "x" {\n  secret_id = aws_secretsmanager_secret.x.id\n}\n', path: TF, count: 1, name: 'no rotation_rules' },
    { code: rotation('x', 'duration = "3h"'), path: TF, count: 1, line: 4, name: 'rotation_rules with a window but no interval' },
    { code: cfnSecret, path: 'cfn/db.yml', count: 1, line: 2 },
    { code: cfnSecret + cfnSchedule('AutomaticallyAfterDays: 365'), path: 'cfn/db.yml', count: 1, line: 11 },
  ],
});

describe('rotation/aws-secrets-manager-rotation', () => {
  it('finds the rotation in another file of the module, not of another module', () => {
    expect(scanRepo({ 'infra/secrets.tf': secret('db'), 'infra/rotation.tf': rotation('db', 'automatically_after_days = 30') }, { rules: [rule] })).toEqual([]);
    expect(brief(scanRepo({ 'infra/secrets.tf': secret('db'), 'other/rotation.tf': rotation('db', 'automatically_after_days = 30') }, { rules: [rule] }))).toEqual([
      'rotation/aws-secrets-manager-rotation infra/secrets.tf:1',
    ]);
  });
});
