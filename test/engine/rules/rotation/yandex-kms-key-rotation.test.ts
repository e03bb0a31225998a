import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/yandex-kms-key-rotation.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { GO_DURATION_UNITS, durationDays } from '../../../../src/engine/rules/rotation/lib/cloud.js';

const TF = 'yc/kms.tf';
const key = (body: string, name = 'key-a'): string => `resource "yandex_kms_symmetric_key" "${name}" {\n  name              = "app-key"\n  default_algorithm = "AES_256"\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { code: key('  rotation_period = "8760h"\n'), path: TF, name: 'one year' },
    { code: key('  rotation_period = "2160h"\n'), path: TF, name: '90 days' },
    { code: key('  rotation_period = "720h30m"\n'), path: TF, name: 'several terms' },
    { code: key('  rotation_period = "24h"\n'), path: TF },
    { code: key('  rotation_period = "17520h"\n'), path: TF, options: { maxRotationDays: 730 } },
    { code: `variable "period" {\n  default = "4380h"\n}\n${key('  rotation_period = var.period\n')}`, path: TF, name: 'a variable with a default' },
    { code: `locals {\n  period = "8760h"\n}\n${key('  rotation_period = local.period\n')}`, path: TF, name: 'a local' },
    { code: 'resource "yandex_kms_asymmetric_encryption_key" "k" {\n  name = "asym"\n}\n', path: TF, name: 'asymmetric keys cannot rotate' },
    { code: 'resource "yandex_kms_asymmetric_signature_key" "k" {\n  name = "sig"\n}\n', path: TF },
    { code: 'resource "yandex_kms_symmetric_key_iam_binding" "b" {\n  symmetric_key_id = yandex_kms_symmetric_key.key-a.id\n  role             = "kms.keys.encrypterDecrypter"\n}\n', path: TF },
    { code: 'data "yandex_kms_symmetric_key" "k" {\n  name = "app-key"\n}\n', path: TF },
  ],
  invalid: [
    { code: key(''), path: TF, count: 1, line: 1 },
    { code: key('  rotation_period = "8784h"\n'), path: TF, count: 1, line: 4, name: '366 days' },
    { code: key('  rotation_period = "87600h"\n'), path: TF, count: 1, name: 'ten years' },
    { code: key('  rotation_period = "8760h"\n'), path: TF, count: 1, options: { maxRotationDays: 90 }, name: 'over a tighter maximum' },
    { code: key('  rotation_period = "365d"\n'), path: TF, count: 1, name: 'days are not a Go duration unit' },
    { code: key('  rotation_period = 8760\n'), path: TF, count: 1, name: 'a bare number' },
    { code: key('  rotation_period = var.period\n'), path: TF, count: 1, name: 'unverifiable' },
    { code: key('', 'a') + key('  rotation_period = "8760h"\n', 'b') + key('', 'c'), path: TF, count: 2, name: 'each key judged' },
  ],
});

describe('rotation/yandex-kms-key-rotation', () => {
  it('names the key and what is missing', () => {
    expect(runRule(rule, { code: key(''), path: TF })[0]!.message).toBe('KMS key `yandex_kms_symmetric_key.key-a` has no `rotation_period`: its key material is never replaced.');
  });

  it('gives the period in days and the fix in hours', () => {
    const [f] = runRule(rule, { code: key('  rotation_period = "17520h"\n'), path: TF });
    expect(f!.message).toBe('KMS key `yandex_kms_symmetric_key.key-a` rotates every 730 days; the policy allows at most 365.');
    expect(f!.remediation).toBe('Set `rotation_period = "8760h"` (365 days) or less.');
  });

  it('reports an unresolvable variable with low confidence', () => {
    const [f] = runRule(rule, { code: key('  rotation_period = var.period\n'), path: TF });
    expect(f!.confidence).toBe('low');
    expect(f!.message).toMatch(/cannot be verified here/);
    expect(runRule(rule, { code: key('  rotation_period = "365d"\n'), path: TF })[0]!.message).toMatch(/not a duration such as "8760h"/);
  });
});

describe('durationDays (lib/cloud)', () => {
  it('reads Go durations and Alibaba Cloud intervals', () => {
    expect(durationDays('8760h', GO_DURATION_UNITS)).toBe(365);
    expect(durationDays('1h30m', GO_DURATION_UNITS)).toBeCloseTo(1.5 / 24);
    expect(durationDays('1.5h', GO_DURATION_UNITS)).toBeCloseTo(1.5 / 24);
    expect(durationDays('0', GO_DURATION_UNITS)).toBe(0);
    expect(durationDays('365d', GO_DURATION_UNITS)).toBeUndefined();
    expect(durationDays('8760', GO_DURATION_UNITS)).toBeUndefined();
    expect(durationDays('8760h ', GO_DURATION_UNITS)).toBe(365);
    expect(durationDays('h', GO_DURATION_UNITS)).toBeUndefined();
    expect(durationDays('365d', ['d', 'h', 'm', 's'], true)).toBe(365);
    expect(durationDays('2592000s', ['d', 'h', 'm', 's'], true)).toBe(30);
    expect(durationDays('1d12h', ['d', 'h', 'm', 's'], true)).toBeUndefined();
    expect(durationDays('100ms', ['d', 'h', 'm', 's'], true)).toBeUndefined();
  });
});
