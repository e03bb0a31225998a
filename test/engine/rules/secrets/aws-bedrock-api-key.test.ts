import rule from '../../../../src/engine/rules/secrets/aws-bedrock-api-key.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, B64, ALNUM } from '../../../helpers/tokens.js';

// Long-lived: ABSK + base64("BedrockAPIKey-…"); short-term: bedrock-api-key- + base64("bedrock.amazonaws.com/?…").
const LONG = cat('AB', 'SK', 'QmVkcm9ja0FQ', 'SUtleS1');
const SHORT = cat('bedrock-api-key-', 'YmVkcm9jay5h', 'bWF6b25hd3MuY29t');
const longLived = cat(LONG, rand(108, ALNUM, 'absk'), '=');
const longLived2 = cat(LONG, rand(246, B64, 'absk2'));
const shortTerm = cat(SHORT, rand(900, B64, 'bedrock-short'), '==');

ruleTester(rule, {
  valid: [
    `key = "${cat(LONG, 'EXAMPLE')}"`, // too short
    `key = "${cat(LONG, 'EXAMPLE'.repeat(20), 'EXM=')}"`, // documented placeholder
    `key = "${cat('AX', 'SK', 'QmVkcm9ja0FQ', 'SUtleS1', rand(108, ALNUM, 'absk'))}="`, // wrong prefix
    `key = "${cat('AB', 'SK', rand(120, ALNUM, 'other'))}"`, // ABSK but not a Bedrock key
    `key = "${cat('bedrock-api-key-', 'YmVkcm9jay5h', 'bWF6b25hd3MuY29x')}"`,
    'AWS_BEARER_TOKEN_BEDROCK=${AWS_BEARER_TOKEN_BEDROCK}',
  ],
  invalid: [
    { code: `AWS_BEARER_TOKEN_BEDROCK=${longLived}`, path: '.env', secret: longLived, count: 1 },
    { code: `client = boto3.client("bedrock-runtime", api_key="${longLived2}")`, path: 'app.py', secret: longLived2 },
    { code: `export AWS_BEARER_TOKEN_BEDROCK="${shortTerm}"`, path: 'run.sh', secret: shortTerm },
    { code: `bedrock:\n  token: ${SHORT}\n`, path: 'config.yml', secret: SHORT, line: 2 },
  ],
});

describe('secrets/aws-bedrock-api-key confidence', () => {
  it('is lower for a short-term key cut off after its prefix', () => {
    expect(runRule(rule, { code: `t = "${shortTerm}"` }).map((f) => f.confidence)).toEqual(['high']);
    expect(runRule(rule, { code: `t = "${SHORT}"` }).map((f) => f.confidence)).toEqual(['medium']);
  });
});
