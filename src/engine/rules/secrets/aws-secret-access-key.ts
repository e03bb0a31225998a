import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { charClasses } from '../../entropy.js';
import { assignment, ci, names, spellings } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/**
 * 40 characters of base64 are only an AWS secret key in context: assigned to an `aws…` name
 * (AWS_SECRET_ACCESS_KEY, awsSecretKey, aws.secret) or to `secret_access_key` / `SecretAccessKey`
 * (~/.aws/credentials, CLI JSON output). Exactly 40: longer base64 (KMS ciphertext) is not a key.
 */
const NAME = `(?:${names('aws', 'amazon')}|${ci('secret')}[_.\\-]?${ci('access')}[_.\\-]?${ci('key')})`;

const VALUE = '[A-Za-z0-9+/]{40}';

/** True when the match starts inside an `arn:…` word (no blank or quote between). */
function inArn(match: RegExpExecArray): boolean {
  const input = match.input;
  let k = match.index;
  while (k > 0 && !/[\s"'`=,([{]/.test(input[k - 1]!)) k--;
  return /^arn:/i.test(input.slice(k, match.index));
}

const spec: SecretRuleSpec = {
  id: 'secrets/aws-secret-access-key',
  description: 'AWS secret access key',
  severity: 'critical',
  confidence: 'high',
  keywords: ['aws', 'amazon', ...spellings([['secret'], ['access'], ['key']])],
  pattern: assignment(NAME, VALUE, { notFollowedBy: 'A-Za-z0-9+/=', notPrecededBy: 'A-Za-z0-9+/' }),
  minEntropy: 3.8,
  // Real keys mix upper, lower and digits (or + /); a 40-character hex SHA-1 does not. An ARN's
  // `aws:` field is no assignment (`arn:aws:iam::aws:policy/AmazonWorkSpacesSelfServiceAccess`).
  validate: (secret, match) => charClasses(secret) >= 3 && !inArn(match),
  revoke: {
    provider: 'AWS IAM',
    url: 'https://console.aws.amazon.com/iam/home#/security_credentials',
    steps: [
      'Find the access key ID that belongs to this secret (usually next to it, or in the same credentials file) and its user (`aws iam list-access-keys`).',
      'Deactivate the key (`aws iam update-access-key --status Inactive`), create a replacement, and move the workload to an IAM role or OIDC federation where possible.',
      'Delete the old key and review CloudTrail for use of it since it was committed.',
    ],
  },
};

// `aws:\n  api_key: …`, `[aws]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['aws', 'amazon'], pattern: nestedSecret(['aws', 'amazon'], VALUE, { notFollowedBy: 'A-Za-z0-9+/=' }) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['aws'], ['secret_key'], VALUE));
