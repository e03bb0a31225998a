import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/aws-kms-key-rotation.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const TF = 'infra/kms.tf';
const key = (body: string): string => `resource "aws_kms_key" "k" {\n  description = "app data"\n${body}}\n`;
const cfn = (props: string): string => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  AppKey:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: app data\n${props}`;

ruleTester(rule, {
  valid: [
    { code: key('  enable_key_rotation = true\n'), path: TF },
    { code: key('  customer_master_key_spec = "SYMMETRIC_DEFAULT"\n  enable_key_rotation = true\n'), path: TF },
    { code: key('  enable_key_rotation = "true"\n'), path: TF },
    // asymmetric, HMAC, signing, external key stores: no automatic rotation exists
    { code: key('  customer_master_key_spec = "RSA_4096"\n'), path: TF },
    { code: key('  customer_master_key_spec = "ECC_NIST_P256"\n  key_usage = "SIGN_VERIFY"\n'), path: TF },
    { code: key('  customer_master_key_spec = "HMAC_256"\n  key_usage = "GENERATE_VERIFY_MAC"\n'), path: TF },
    { code: key('  key_usage = "SIGN_VERIFY"\n  enable_key_rotation = false\n'), path: TF },
    { code: key('  custom_key_store_id = aws_cloudhsm_v2_cluster.c.cluster_id\n'), path: TF },
    { code: key('  customer_master_key_spec = var.spec\n'), path: TF, name: 'unknown spec' },
    // a variable with a literal default is followed
    { code: `variable "rotate" {\n  default = true\n}\n${key('  enable_key_rotation = var.rotate\n')}`, path: TF },
    { code: key('  enable_key_rotation = true\n  rotation_period_in_days = 180\n'), path: TF },
    { code: key('  enable_key_rotation = true\n  rotation_period_in_days = 400\n'), path: TF, options: { maxRotationDays: 730 } },
    // the rule's keywords elsewhere
    { code: '# aws_kms_key docs\n', path: 'README.md' },
    { code: cfn('      EnableKeyRotation: true\n'), path: 'cfn/kms.yml' },
    { code: cfn('      KeySpec: RSA_4096\n'), path: 'cfn/kms.yml' },
    { code: cfn('      KeyUsage: SIGN_VERIFY\n'), path: 'cfn/kms.yaml' },
    { code: '{"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": "true"}}}}', path: 'cfn/kms.json' },
  ],
  invalid: [
    { code: key(''), path: TF, count: 1, line: 1, name: 'not set' },
    { code: key('  enable_key_rotation = false\n'), path: TF, count: 1, line: 3 },
    { code: key('  customer_master_key_spec = "SYMMETRIC_DEFAULT"\n  enable_key_rotation = false\n'), path: TF, count: 1, line: 4 },
    { code: key('  customer_master_key_spec = "SYMMETRIC_DEFAULT"\n'), path: TF, count: 1 },
    { code: key('  enable_key_rotation = var.rotate\n'), path: TF, count: 1, name: 'unverifiable' },
    { code: key('  enable_key_rotation = true\n  rotation_period_in_days = 730\n'), path: TF, count: 1, line: 4 },
    { code: `module "m" {}\n${key('')}${key('  enable_key_rotation = true\n').replace('"k"', '"ok"')}${key('').replace('"k"', '"k2"')}`, path: TF, count: 2 },
    { code: cfn(''), path: 'cfn/kms.yml', count: 1, line: 3 },
    { code: cfn('      EnableKeyRotation: false\n'), path: 'cfn/kms.yml', count: 1, line: 7 },
    { code: cfn('      KeySpec: SYMMETRIC_DEFAULT\n'), path: 'cfn/kms.template', count: 1 },
    { code: cfn('      EnableKeyRotation: true\n      RotationPeriodInDays: 2000\n'), path: 'cfn/kms.yml', count: 1, line: 8 },
    { code: '{"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {}}}}}', path: 'cfn/kms.json', count: 1 },
  ],
});

describe('rotation/aws-kms-key-rotation', () => {
  it('explains each case', () => {
    expect(runRule(rule, { code: key(''), path: TF })[0]!.message).toBe('KMS key `aws_kms_key.k` does not rotate: `enable_key_rotation` is not set (it defaults to false).');
    const unknown = runRule(rule, { code: key('  enable_key_rotation = var.rotate\n'), path: TF })[0]!;
    expect(unknown.confidence).toBe('low');
    expect(runRule(rule, { code: cfn('      EnableKeyRotation: false\n'), path: 'cfn/kms.yml' })[0]!.message).toBe('KMS key `AppKey` has automatic rotation turned off (`EnableKeyRotation: false`).');
  });

  it('judges only keys added whole in a diff', () => {
    const tf = y`
      resource "aws_kms_key" "new" {
        description = "x"
      }
    `;
    // Only the description line changed: the rest of the block is not in the excerpt.
    expect(runRule(rule, { code: '  description = "x"\n', path: TF })).toEqual([]);
    expect(runRule(rule, { code: tf, path: TF })).toHaveLength(1);
  });
});
