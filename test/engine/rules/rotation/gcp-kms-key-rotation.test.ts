import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/gcp-kms-key-rotation.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const TF = 'gcp/kms.tf';
const key = (body: string): string => `resource "google_kms_crypto_key" "k" {\n  name     = "app"\n  key_ring = google_kms_key_ring.ring.id\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { code: key('  rotation_period = "7776000s"\n'), path: TF },
    { code: key('  rotation_period = "86400s"\n'), path: TF },
    { code: key('  purpose = "ASYMMETRIC_SIGN"\n'), path: TF },
    { code: key('  purpose = "ASYMMETRIC_DECRYPT"\n'), path: TF },
    { code: key('  import_only = true\n'), path: TF },
    { code: key('  rotation_period = "15552000s"\n'), path: TF, options: { maxRotationDays: 180 } },
    { code: `locals {\n  period = "2592000s"\n}\n${key('  rotation_period = local.period\n')}`, path: TF },
    { code: 'resource "google_kms_key_ring" "ring" {\n  name = "r"\n}\n', path: TF },
  ],
  invalid: [
    { code: key(''), path: TF, count: 1, line: 1 },
    { code: key('  rotation_period = "15552000s"\n'), path: TF, count: 1, line: 4 },
    { code: key('  rotation_period = 90\n'), path: TF, count: 1, name: 'a number, not seconds' },
    { code: key('  purpose = "ENCRYPT_DECRYPT"\n  rotation_period = "31536000s"\n'), path: TF, count: 1 },
    { code: key('  rotation_period = var.period\n'), path: TF, count: 1, name: 'unverifiable' },
  ],
});

describe('rotation/gcp-kms-key-rotation', () => {
  it('says the period in days and the fix in seconds', () => {
    const [f] = runRule(rule, { code: key('  rotation_period = "15552000s"\n'), path: TF });
    expect(f!.message).toBe('KMS key `google_kms_crypto_key.k` rotates every 180 days; the policy allows at most 90.');
    expect(f!.remediation).toMatch(/"7776000s"/);
  });
});
