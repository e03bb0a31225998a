import { describe, expect, it } from 'vitest';
import { attr, findBlocks, hclToJS, parseHcl } from '../../../src/engine/parse/hcl.js';

const tf = `terraform {
  required_version = ">= 1.5"
}

resource "aws_iam_policy" "admin" {
  name   = "admin-\${var.env}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = ["*"]
    }]
  })
}

resource "aws_kms_key" "k" {
  enable_key_rotation = false
  deletion_window_in_days = 10
  policy = <<EOT
{"Statement": []}
EOT
}

data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.b.arn]
  }
}
`;

describe('parseHcl', () => {
  const file = parseHcl(tf)!;

  it('gives blocks with labels and 1-based positions', () => {
    const resources = findBlocks(file.root, 'resource');
    expect(resources.map((r) => r.labels)).toEqual([
      ['aws_iam_policy', 'admin'],
      ['aws_kms_key', 'k'],
    ]);
    expect(resources[0]!.pos).toEqual({ line: 5, column: 1 });
    expect(file.hasErrors).toBe(false);
  });

  it('turns jsonencode(...) into plain data and keeps attribute lines', () => {
    const policy = attr(findBlocks(file.root, 'resource', 'aws_iam_policy')[0]!, 'policy')!;
    expect(policy.pos.line).toBe(7);
    expect(hclToJS(policy.value)).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: ['*'] }] });
  });

  it('keeps interpolations as templates, booleans, numbers, heredocs and references', () => {
    const admin = findBlocks(file.root, 'resource', 'aws_iam_policy')[0]!;
    expect(attr(admin, 'name')!.value).toMatchObject({ kind: 'template', value: 'admin-${var.env}' });
    const kms = findBlocks(file.root, 'resource', 'aws_kms_key')[0]!;
    expect(attr(kms, 'enable_key_rotation')!.value).toMatchObject({ kind: 'bool', value: false });
    expect(attr(kms, 'deletion_window_in_days')!.value).toMatchObject({ kind: 'number', value: 10 });
    expect(attr(kms, 'policy')!.value).toMatchObject({ kind: 'string' });
    expect((attr(kms, 'policy')!.value as { value: string }).value.trim()).toBe('{"Statement": []}');
    const stmt = findBlocks(file.root, 'statement')[0]!;
    expect(hclToJS(attr(stmt, 'resources')!.value)).toEqual(['aws_s3_bucket.b.arn']);
    expect(stmt.pos.line).toBe(26);
  });

  it('recovers from syntax errors and says so', () => {
    const broken = parseHcl('resource "a" "b" {\n  x = \n}\nresource "c" "d" { y = 1 }\n')!;
    expect(broken.hasErrors).toBe(true);
  });
});
