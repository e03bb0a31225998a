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
