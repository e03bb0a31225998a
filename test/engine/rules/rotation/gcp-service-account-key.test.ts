import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/gcp-service-account-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const TF = 'gcp/sa.tf';
const rotating = (days: number): string => `resource "time_rotating" "key" {\n  rotation_days = ${days}\n}\n`;
const key = (extra = ''): string => `resource "google_service_account_key" "k" {\n  service_account_id = google_service_account.sa.name\n${extra}}\n`;

ruleTester(rule, {
  valid: [
    { code: 'resource "google_service_account" "sa" {\n  account_id = "app"\n}\n', path: TF },
    { code: rotating(30) + key('  keepers = {\n    rotation_time = time_rotating.key.rotation_rfc3339\n  }\n'), path: TF },
    { code: 'data "google_service_account_key" "k" {\n  name = "x"\n}\n', path: TF },
  ],
  invalid: [
    { code: key(), path: TF, count: 1, line: 1 },
    { code: key('  public_key_data = filebase64("key.pem")\n'), path: TF, count: 1 },
    { code: rotating(365) + key('  keepers = {\n    rotation_time = time_rotating.key.rotation_rfc3339\n  }\n'), path: TF, count: 1, line: 6 },
  ],
});

describe('rotation/gcp-service-account-key', () => {
  it('says where the private key ends up', () => {
    expect(runRule(rule, { code: key(), path: TF })[0]!.message).toMatch(/stored in the Terraform state/);
  });
});
