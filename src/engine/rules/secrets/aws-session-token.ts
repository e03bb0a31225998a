import { defineSecretRule } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { anyOf, refine } from './lib/refine.js';
import { presignedExpiry } from './lib/presigned-url.js';

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

/**
 * A token under a session-token name that nothing ties to AWS (an IMDb sign-in URL's
 * `opfInternalRedirectSessionToken=…`): AWS's own names, or AWS named nearby, say it is STS's.
 */
const AWS_NAME = /(?:aws|amz|\bsts)[\w.-]{0,20}(?:session|security)[\w-]?token|(?:^|["'\s{,])SessionToken["']?\s*[:=]/i;
const AWS_NEARBY = /aws|amazonaws|amz|\bsts\b|boto/i;

export default refine(anyOf(assigned, prefixed), (raw, file, ctx) => {
  const start = raw.start ?? 0;
  const before = file.text.slice(Math.max(0, start - 80), start);
  const prefixedToken = /^(?:[A-Za-z0-9+/]{2}oJb3JpZ2luX2Vj|F[Qw]oGZXIvYXdz|FQoDYXdz)/.test(raw.secret ?? '');
  if (!prefixedToken && !AWS_NAME.test(before) && !AWS_NEARBY.test(file.text.slice(Math.max(0, start - 1500), start + 1500))) return null;
  const expired = presignedExpiry(file.text, start, raw.end ?? start, ctx.today);
  return expired
    ? {
        ...raw,
        confidence: 'low',
        severity: 'low',
        message: `AWS session token in a presigned URL that expired on ${expired.toISOString().slice(0, 10)}: the token expired with it (check that the long-lived key it came from is not committed).`,
      }
    : raw;
});
