import { defineSecretRule } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { anyOf } from './lib/refine.js';

const REVOKE = {
  provider: 'AWS STS',
  url: 'https://console.aws.amazon.com/iam/home#/roles',
  steps: [
    "Session tokens expire (15 minutes to 36 hours), but until then they work: revoke the role's active sessions (IAM → Roles → <role> → Revoke active sessions), which denies every token issued before now.",
    'Find who obtained it (CloudTrail AssumeRole / GetSessionToken events) and why it was written to a file; rotate the long-lived key it was derived from if any.',
    'Review CloudTrail for use of the session since it was committed.',
  ],
};

// Base64, possibly URL-encoded in a presigned URL (X-Amz-Security-Token=…%2B…%3D).
const VALUE = '(?:[A-Za-z0-9+/]|%2[BbFf]){100,4000}(?:=|%3[Dd]){0,2}';

/** `aws_session_token`, `AWS_SECURITY_TOKEN`, `X-Amz-Security-Token`, `"SessionToken":` … */
const assigned = withNextLine(
  defineSecretRule({
    id: 'secrets/aws-session-token',
    description: 'AWS temporary session token',
    severity: 'high',
    confidence: 'high',
    keywords: ['session_token', 'sessiontoken', 'session-token', 'security_token', 'securitytoken', 'security-token'],
    pattern: assignment(names('session_token', 'sessiontoken', 'session-token', 'security_token', 'securitytoken', 'security-token'), VALUE, {
      gap: 4,
      notFollowedBy: 'A-Za-z0-9+/=%',
      notPrecededBy: 'A-Za-z0-9+/',
    }),
    minEntropy: 4,
    revoke: REVOKE,
  }),
);

/**
 * STS tokens announce themselves: they are protobuf-ish blobs whose base64 starts with
 * `…oJb3JpZ2luX2Vj` ("origin_ec", current tokens) or `FwoGZXIvYXdz` / `FQoGZXIvYXdz` ("…er/aws", older).
 */
const prefixed = defineSecretRule({
  id: 'secrets/aws-session-token',
  description: 'AWS temporary session token',
  severity: 'high',
  confidence: 'high',
  keywords: ['ojb3jpz2lux2vj', 'zxivyxdz', 'fqodyxdz'],
  pattern: /(?<![A-Za-z0-9+/])(?<secret>(?:[A-Za-z0-9+/]{2}oJb3JpZ2luX2Vj|F[Qw]oGZXIvYXdz|FQoDYXdz)[A-Za-z0-9+/]{100,4000}={0,2})(?![A-Za-z0-9+/=])/g,
  minEntropy: 4,
  revoke: REVOKE,
});

export default anyOf(assigned, prefixed);
