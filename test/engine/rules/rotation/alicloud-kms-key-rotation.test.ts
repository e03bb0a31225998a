import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/alicloud-kms-key-rotation.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const TF = 'alicloud/kms.tf';
const key = (body: string, name = 'k'): string => `resource "alicloud_kms_key" "${name}" {\n  description            = "app data"\n  pending_window_in_days = 7\n${body}}\n`;
const on = (interval: string): string => `  automatic_rotation = "Enabled"\n  rotation_interval  = "${interval}"\n`;

ruleTester(rule, {
  valid: [
    { code: key(on('365d')), path: TF },
    { code: key(on('90d')), path: TF },
    { code: key(on('2592000s')), path: TF, name: '30 days in seconds' },
    { code: key(on('8760h')), path: TF, name: '365 days in hours' },
    { code: key(on('525600m')), path: TF, name: '365 days in minutes' },
    { code: key(on('730d')), path: TF, options: { maxRotationDays: 730 } },
    { code: key('  automatic_rotation = "Enabled"\n'), path: TF, name: 'no interval: required with Enabled, the provider rejects the key' },
    { code: key('  key_spec = "RSA_2048"\n'), path: TF, name: 'asymmetric' },
    { code: key('  key_spec  = "EC_P256"\n  key_usage = "SIGN/VERIFY"\n'), path: TF },
    { code: key('  key_spec = "EC_SM2"\n'), path: TF },
    { code: key('  key_usage = "SIGN/VERIFY"\n'), path: TF, name: 'a signing key' },
    { code: key('  origin = "EXTERNAL"\n'), path: TF, name: 'imported key material' },
    { code: key('  key_spec = var.spec\n'), path: TF, name: 'a key spec that cannot be read may be asymmetric' },
    { code: `locals {\n  rotation = "Enabled"\n  every    = "180d"\n}\n${key('  automatic_rotation = local.rotation\n  rotation_interval  = local.every\n')}`, path: TF, name: 'locals' },
    { code: `variable "spec" {\n  default = "RSA_3072"\n}\n${key('  key_spec = var.spec\n')}`, path: TF, name: 'an asymmetric spec from a variable default' },
    { code: 'resource "alicloud_kms_alias" "a" {\n  alias_name = "alias/app"\n  key_id     = alicloud_kms_key.k.id\n}\n', path: TF },
    { code: 'resource "alicloud_kms_key_version" "v" {\n  key_id = alicloud_kms_key.k.id\n}\n', path: TF },
    { code: 'resource "aws_kms_key" "k" {\n  description = "not Alibaba"\n}\n', path: TF },
  ],
  invalid: [
    { code: key(''), path: TF, count: 1, line: 1 },
    { code: key('  automatic_rotation = "Disabled"\n'), path: TF, count: 1, line: 4 },
    { code: key('  key_spec = "Aliyun_AES_256"\n'), path: TF, count: 1, name: 'the default symmetric spec' },
    { code: key('  key_spec = "Aliyun_SM4"\n  origin   = "Aliyun_KMS"\n'), path: TF, count: 1 },
    { code: key(on('400d')), path: TF, count: 1, line: 5 },
    { code: key(on('31622400s')), path: TF, count: 1, name: '366 days in seconds' },
    { code: key(on('365d')), path: TF, count: 1, options: { maxRotationDays: 90 }, name: 'over a tighter maximum' },
    { code: key(on('1 year')), path: TF, count: 1, name: 'not an interval' },
    { code: key(on('8760')), path: TF, count: 1, name: 'no unit' },
    { code: key('  automatic_rotation = var.rotation\n'), path: TF, count: 1, name: 'unverifiable switch' },
    { code: key('  automatic_rotation = "Enabled"\n  rotation_interval  = var.every\n'), path: TF, count: 1, name: 'unverifiable interval' },
    { code: `variable "rotation" {\n  default = "Disabled"\n}\n${key('  automatic_rotation = var.rotation\n')}`, path: TF, count: 1, name: 'a variable defaulting to Disabled' },
    { code: key('', 'a') + key(on('90d'), 'b') + key('  key_spec = "RSA_2048"\n', 'c') + key('', 'd'), path: TF, count: 2, name: 'each key judged' },
  ],
});

describe('rotation/alicloud-kms-key-rotation', () => {
  it('names the key and the default', () => {
    expect(runRule(rule, { code: key(''), path: TF })[0]!.message).toBe('KMS key `alicloud_kms_key.k` does not rotate: `automatic_rotation` is not set (it defaults to "Disabled").');
  });

  it('gives the interval in days and the fix', () => {
    const [f] = runRule(rule, { code: key(on('34560000s')), path: TF });
    expect(f!.message).toBe('KMS key `alicloud_kms_key.k` rotates every 400 days; the policy allows at most 365.');
    expect(f!.remediation).toBe('Set `rotation_interval = "365d"` or less.');
  });

  it('reports unverifiable values with low confidence', () => {
    const [f] = runRule(rule, { code: key('  automatic_rotation = var.rotation\n'), path: TF });
    expect(f!.confidence).toBe('low');
    expect(f!.message).toMatch(/cannot be verified to be "Enabled"/);
  });
});
