import rule from '../../../../src/engine/rules/secrets/aws-session-token.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, B64 } from '../../../helpers/tokens.js';

const body = rand(300, B64, 'sts-body');
const plain = rand(356, B64, 'sts-plain'); // no recognisable prefix: only found by name
// Current STS tokens start with base64 of "!\n\torigin_ec…"; older ones with "…er/aws".
const modern = cat('IQoJ', 'b3JpZ2luX2Vj', body);
const older = cat('FwoG', 'ZXIvYXdz', rand(280, B64, 'sts-old'), '=');
const urlEncoded = cat('IQoJ', 'b3JpZ2luX2Vj', rand(120, B64, 'u').replace(/\+/g, '%2B').replace(/\//g, '%2F'), '%3D');

ruleTester(rule, {
  valid: [
    // A session token of another service, with nothing AWS about it (an IMDb sign-in redirect's state).
    { code: `https://www.imdb.com/registration/signin?u=%2F&opfInternalRedirectSessionToken=${plain}&ref_=nv_generic_lgin`, path: 'evals/problems.csv' },
    `aws_session_token = ${rand(60, B64, 'short')}`, // too short for a session token
    'aws_session_token = ${AWS_SESSION_TOKEN}',
    `session_token: ${'A'.repeat(200)}`,
    `csrf_token = "${plain}"`, // another kind of token, no STS prefix
    `data = "${cat('IQoJ', 'b3JpZ2luX2Vj', 'short')}"`, // prefix alone
    `blob = "x${modern}"`, // inside a longer base64 run
  ],
  invalid: [
    { code: `[default]\naws_session_token = ${plain}\n`, path: '.aws/credentials', secret: plain, line: 2, count: 1 },
    { code: `AWS_SESSION_TOKEN="${plain}"`, path: '.env', secret: plain },
    { code: `{"Credentials": {"AccessKeyId": "ASIA...", "SessionToken": "${modern}"}}`, path: 'sts.json', secret: modern, count: 1 },
    { code: `curl -H "X-Amz-Security-Token: ${older}" https://s3.amazonaws.com/bucket`, secret: older },
    { code: `https://bucket.s3.amazonaws.com/f?X-Amz-Security-Token=${urlEncoded}&X-Amz-Signature=abc`, secret: urlEncoded },
    { code: `creds = {"token": "${modern}"}`, path: 'debug.py', secret: modern }, // unnamed: found by its prefix
  ],
});

describe('secrets/aws-session-token in a presigned URL', () => {
  it('is low once the URL has expired, like the key ID beside it', () => {
    const url = (date: string) => `https://bucket.s3.amazonaws.com/f.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}&X-Amz-Expires=3600&X-Amz-Security-Token=${urlEncoded}&X-Amz-Signature=abc`;
    expect(runRule(rule, { code: url('20240601T000000Z'), path: 'evals/problems.csv' })[0]?.confidence).toBe('low');
    expect(runRule(rule, { code: url('20270601T000000Z'), path: 'evals/problems.csv' })[0]?.confidence ?? 'high').toBe('high');
  });
});
