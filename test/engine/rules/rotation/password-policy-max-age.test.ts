import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/password-policy-max-age.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const TF = 'iam/account.tf';
const aws = (body: string, name = 'strict'): string =>
  `resource "aws_iam_account_password_policy" "${name}" {\n  minimum_password_length        = 14\n  require_symbols                = true\n  allow_users_to_change_password = true\n${body}}\n`;
const ali = (body: string, type = 'alicloud_ram_account_password_policy'): string => `resource "${type}" "corporate" {\n  minimum_password_length = 14\n  hard_expiry             = true\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { code: aws('  max_password_age = 90\n'), path: TF },
    { code: aws('  max_password_age = 1\n'), path: TF },
    { code: aws('  max_password_age = "60"\n'), path: TF, name: 'a number as a string' },
    { code: aws('  max_password_age = 180\n'), path: TF, options: { maxPasswordAgeDays: 180 } },
    { code: ali('  max_password_age = 12\n'), path: TF },
    { code: ali('  max_password_age = "90"\n', 'alicloud_ram_password_policy'), path: TF },
    { code: `variable "age" {\n  default = 45\n}\n${aws('  max_password_age = var.age\n')}`, path: TF, name: 'a variable with a default' },
    { code: `locals {\n  age = 30\n}\n${ali('  max_password_age = local.age\n')}`, path: TF, name: 'a local' },
    // unrelated resources and files
    { code: 'resource "aws_iam_user" "u" {\n  name = "deploy"\n}\n', path: TF },
    { code: 'resource "aws_iam_user_login_profile" "u" {\n  user = aws_iam_user.u.name\n}\n', path: TF },
    { code: 'data "aws_iam_account_password_policy" "current" {}\n', path: TF, name: 'a data source is not the policy it reads' },
    { code: '# aws_iam_account_password_policy without max_password_age\n', path: 'docs/iam.md' },
  ],
  invalid: [
    { code: aws(''), path: TF, count: 1, line: 1, name: 'no max_password_age (AWS)' },
    { code: aws('  max_password_age = 0\n'), path: TF, count: 1, line: 5, name: 'zero (AWS)' },
    { code: aws('  max_password_age = 91\n'), path: TF, count: 1, line: 5 },
    { code: aws('  max_password_age = 365\n'), path: TF, count: 1 },
    { code: aws('  max_password_age = 90\n'), path: TF, count: 1, options: { maxPasswordAgeDays: 60 }, name: 'over a tighter maximum' },
    { code: ali(''), path: TF, count: 1, name: 'no max_password_age (RAM, defaults to 0)' },
    { code: ali('  max_password_age = 0\n'), path: TF, count: 1 },
    { code: ali('  max_password_age = 1095\n'), path: TF, count: 1 },
    { code: ali('', 'alicloud_ram_password_policy'), path: TF, count: 1, name: 'the newer RAM resource' },
    { code: 'resource "alicloud_ram_account_password_policy" "default" {\n}\n', path: TF, count: 1, name: 'an empty resource sets the defaults' },
    { code: aws('  max_password_age = var.age\n'), path: TF, count: 1, name: 'unverifiable' },
    { code: `variable "age" {\n  default = 400\n}\n${aws('  max_password_age = var.age\n')}`, path: TF, count: 1, name: 'a variable default over the maximum' },
    { code: aws('  max_password_age = "ninety"\n'), path: TF, count: 1 },
    { code: aws('', 'a') + ali('  max_password_age = 30\n') + aws('  max_password_age = 0\n', 'b'), path: TF, count: 2, name: 'each resource judged' },
    { code: `module "x" {\n  source = "./m"\n}\n${aws('')}`, path: 'envs/prod/main.tf', count: 1, line: 4 },
  ],
});

describe('rotation/password-policy-max-age', () => {
  it('says passwords never expire, naming the address', () => {
    expect(runRule(rule, { code: aws(''), path: TF })[0]!.message).toBe('Password policy `aws_iam_account_password_policy.strict` sets no `max_password_age`: IAM user passwords never expire.');
    expect(runRule(rule, { code: ali('  max_password_age = 0\n'), path: TF })[0]!.message).toBe(
      'Password policy `alicloud_ram_account_password_policy.corporate` has `max_password_age = 0`: RAM user passwords never expire.',
    );
  });

  it('gives the age and the maximum, and the fix', () => {
    const [f] = runRule(rule, { code: aws('  max_password_age = 180\n'), path: TF });
    expect(f!.message).toBe('Password policy `aws_iam_account_password_policy.strict` lets IAM user passwords live 180 days; the policy allows at most 90.');
    expect(f!.remediation).toMatch(/^Set `max_password_age = 90` or less\. PCI DSS 8\.3\.9/);
    expect(f!.confidence).toBe('high');
  });

  it('reports an unresolvable variable with low confidence', () => {
    const [f] = runRule(rule, { code: aws('  max_password_age = var.age\n'), path: TF });
    expect(f!.confidence).toBe('low');
    expect(f!.message).toMatch(/`max_password_age = var\.age`, which cannot be verified here to be at most 90 days/);
  });

  it('explains PCI DSS 8.3.9 and the NIST SP 800-63B way out', () => {
    expect(rule.meta.remediation).toMatch(/PCI DSS 8\.3\.9 requires passwords to be changed at least every 90 days where a password is the only authentication factor/);
    expect(rule.meta.remediation).toMatch(/NIST SP 800-63B/);
    expect(rule.meta.remediation).toMatch(/rotation\/password-policy-max-age: off/);
    expect(rule.meta.remediation).toMatch(/justification/);
    expect(rule.meta.controls).toContain('PCI-DSS-8.3.9');
  });

  it('keeps one fingerprint per policy whatever the value', () => {
    const a = runRule(rule, { code: aws(''), path: TF })[0]!;
    const b = runRule(rule, { code: aws('  max_password_age = 0\n'), path: TF })[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
  });
});
