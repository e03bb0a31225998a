import rule from '../../../../src/engine/rules/secrets/aws-access-key-id.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, UPPER_ALNUM } from '../../../helpers/tokens.js';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const akia = cat('AK', 'IA', rand(16, B32, 'akia'));
const asia = cat('AS', 'IA', rand(16, B32, 'asia'));
const abia = cat('AB', 'IA', rand(16, B32, 'abia'));
const acca = cat('AC', 'CA', rand(16, B32, 'acca'));
// Older keys (and many fixtures) use 0, 1, 8, 9 too: still reported, at medium confidence.
const legacy = cat('AK', 'IA', '0189', rand(12, UPPER_ALNUM, 'legacy'));

ruleTester(rule, {
  valid: [
    `aws_access_key_id = ${cat('AKIA', 'IOSFODNN7', 'EXAMPLE')}`, // the documented example
    `key = ${cat('AK', 'IA', 'X'.repeat(16))}`,
    `key = ${cat('AK', 'IA', 'Z'.repeat(16))}`, // one repeated letter is not a key
    `key = ${cat('ak', 'ia', rand(16, B32, 'akia').toLowerCase())}`, // lower case
    `key = ${cat('AK', 'IA', rand(15, B32, 'short'))}`, // 19 characters
    `key = ${cat('AK', 'IA', rand(17, B32, 'long'))}`, // 21 characters
    `seq = "TG${cat('AC', 'CA', rand(16, 'ACGT', 'dna'))}"`, // inside a longer word
    `dna: ${cat('AC', 'CA', rand(16, 'ACGT', 'dna'))}`, // a DNA read: four letters, low entropy
    'AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}',
    'TODAYINASIAASACKOFRICEFELLOVER',
  ],
  invalid: [
    { code: `const accessKeyId = "${akia}";`, secret: akia, count: 1, line: 1 },
    { code: `[default]\naws_access_key_id = ${akia}\n`, path: '.aws/credentials', secret: akia, line: 2 },
    { code: `AWS_ACCESS_KEY_ID=${asia}`, path: '.env', secret: asia },
    { code: `{"AccessKeyId": "${asia}", "Expiration": "2026-06-15T13:00:00Z"}`, path: 'creds.json', secret: asia },
    { code: `env:\n  - name: AWS_ACCESS_KEY_ID\n    value: ${abia}\n`, path: 'deploy.yaml', secret: abia, line: 3 },
    { code: `export AWS_ACCESS_KEY_ID=${acca}`, path: 'setup.sh', secret: acca },
    { code: `https://bucket.s3.amazonaws.com/a.txt?AWSAccessKeyId=${akia}&Expires=1700000000`, secret: akia },
    { code: `provider "aws" {\n  access_key = "${legacy}"\n}`, path: 'main.tf', secret: legacy, line: 2 },
  ],
});

describe('secrets/aws-access-key-id confidence', () => {
  it('is high for base32 keys and medium for the older alphabet', () => {
    expect(runRule(rule, { code: `k = "${akia}"` }).map((f) => f.confidence)).toEqual(['high']);
    expect(runRule(rule, { code: `k = "${legacy}"` }).map((f) => f.confidence)).toEqual(['medium']);
  });
});

describe('secrets/aws-access-key-id: the account a key ID carries', () => {
  it('decodes the account of a newer key ID', async () => {
    const { accountOfKeyId } = await import('../../../../src/engine/rules/secrets/aws-access-key-id.js');
    expect(accountOfKeyId(cat('AKIA', 'RZPUZDIKGQVWWN7A'))).toBe('123456789012');
    // Older IDs (fifth character I or J) and bodies outside base32 carry none.
    expect(accountOfKeyId(cat('AKIA', 'IOSFODNN7', 'EXAMPLE'))).toBeUndefined();
    expect(accountOfKeyId(legacy)).toBeUndefined();
  });
  it('grades a key ID of a documentation account low, and leaves others as they are', () => {
    const docs = runRule(rule, { code: `"${cat('AKIA', 'RZPUZDIKGQVWWN7A')}" => "123456789012"`, path: 'localstack/aws/accounts.py' });
    expect(docs[0]!.confidence).toBe('low');
    expect(runRule(rule, { code: `aws_access_key_id = ${akia}` })[0]!.confidence).not.toBe('low');
  });
});

describe('secrets/aws-access-key-id in a presigned URL', () => {
  const v4 = (date: string, expires: number) =>
    `"https://bucket.s3.amazonaws.com/migration/25320?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${akia}%2F${date.slice(0, 8)}%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=${date}&X-Amz-Expires=${expires}&X-Amz-Signature=${rand(64, '0123456789abcdef', 'sig')}&X-Amz-SignedHeaders=host"`;
  it('is low once the URL has expired (TODAY is 2026-06-15), with the day it expired', () => {
    const [f] = runRule(rule, { code: v4('20180913T201100Z', 300), path: 'tests/Migration.py' });
    expect(f?.confidence).toBe('low');
    expect(f?.message).toContain('expired on 2018-09-13');
    const [v2] = runRule(rule, { code: `https://s3.amazonaws.com/b/k?AWSAccessKeyId=${akia}&Expires=1500000000&Signature=${rand(28, B32, 'v2')}%3D`, path: 'fixtures/x.json' });
    expect(v2?.confidence).toBe('low');
  });
  it('keeps its confidence while the URL is still valid, or outside a presigned URL', () => {
    expect(runRule(rule, { code: v4('20270101T000000Z', 604800), path: 'tests/Migration.py' })[0]?.confidence ?? 'high').toBe('high');
    expect(runRule(rule, { code: `X-Amz-Date=20180913T201100Z&X-Amz-Expires=300 key=${akia}`, path: 'a.txt' })[0]?.confidence ?? 'high').toBe('high');
  });
});

describe('secrets/aws-access-key-id in an audit log record', () => {
  it("is graded low: CloudTrail's userIdentity names the key that made a call, never its secret", () => {
    const record = `{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDA${rand(17, B32, 'pid')}","arn":"arn:aws:iam::949199315127:user/etl","accountId":"949199315127","accessKeyId":"${akia}","userName":"etl"},"eventSource":"s3.amazonaws.com","eventName":"GetObject"}`;
    const [f] = runRule(rule, { code: record, path: 'tests/helpers/cloudtrail-events.json' });
    expect(f?.confidence).toBe('low');
    expect(f?.message).toMatch(/audit log record/);
  });
  it('the same key in a configuration keeps its confidence', () => {
    const [f] = runRule(rule, { code: `{"accessKeyId":"${akia}","region":"eu-west-1"}`, path: 'config/aws.json' });
    expect(f?.confidence).toBe('high');
  });
});

describe('secrets/aws-access-key-id in an Amazon product link', () => {
  it("is graded low: the Product Advertising API publishes the associate's key ID in every link", () => {
    const link = `<a href="https://www.amazon.com/dp/B00ABCDEFG?psc=1&amp;SubscriptionId=${akia}&amp;tag=recipes-20&amp;linkCode=xm2&amp;camp=2025">Buy</a>`;
    const [f] = runRule(rule, { code: link, path: 'tests/data/html/pizza.html' });
    expect(f?.confidence).toBe('low');
    expect(f?.message).toMatch(/SubscriptionId/);
  });
  it('the same key as a query parameter of another name keeps its confidence', () => {
    const [f] = runRule(rule, { code: `https://api.example.net/upload?AccessKey=${akia}&x=1`, path: 'client.txt' });
    expect(f?.confidence).toBe('high');
  });
});
