import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';
import { presignedExpiry } from './lib/presigned-url.js';

/**
 * IAM user keys (AKIA), STS temporary keys (ASIA), STS bearer tokens (ABIA), context-specific
 * credentials (ACCA). The 16 characters after the prefix are base32 today ([A-Z2-7]); keys issued
 * years ago and many peers' fixtures also use 0, 1, 8 and 9, so those still match at medium
 * confidence. Low-entropy strings (AKIAZZZZ…, DNA sequences starting ACCA) are not keys.
 */
const rule = defineSecretRule({
  id: 'secrets/aws-access-key-id',
  description: 'AWS access key ID',
  severity: 'high',
  confidence: 'high',
  keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
  pattern: /(?<![A-Za-z0-9])(?<secret>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Za-z0-9])/g,
  minEntropy: 3,
  message: 'AWS access key ID committed. The ID alone cannot sign requests, but its secret key is usually nearby (or in history): treat the pair as leaked.',
  revoke: {
    provider: 'AWS IAM',
    url: 'https://console.aws.amazon.com/iam/home#/security_credentials',
    steps: [
      'Find the owner: `aws sts get-access-key-info --access-key-id <ID>` gives the account; `aws iam list-access-keys` per user finds the user.',
      'Deactivate the key (`aws iam update-access-key --status Inactive --access-key-id <ID> --user-name <user>`); for an ASIA key, revoke the role session (IAM → Roles → Revoke active sessions).',
      'Create a replacement key (or better, switch the workload to an IAM role / OIDC federation) and update its consumers.',
      'Delete the old key (`aws iam delete-access-key`) and review CloudTrail for calls made with it since it was committed.',
    ],
  },
});

/**
 * The account a key ID was issued in: newer IDs carry it in bits 7–46 of their base32 body (the
 * prefix's fifth character is not I or J); older ones do not (undefined).
 */
export function accountOfKeyId(id: string): string | undefined {
  const body = id.slice(4);
  if (!/^[A-Z2-7]{16}$/.test(body) || body[0] === 'I' || body[0] === 'J') return undefined;
  let bits = 0n;
  for (const c of body.slice(0, 10)) bits = (bits << 5n) | BigInt('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(c));
  // 50 bits read; the first 48 are bytes 0–5.
  const first48 = bits >> 2n;
  return String((first48 & 0x7fffffffff80n) >> 7n).padStart(12, '0');
}

/** Account numbers AWS's documentation uses in its examples. */
const DOCUMENTATION_ACCOUNTS = new Set(['123456789012', '111122223333', '444455556666', '777788889999', '111111111111', '000000000000']);

export default refine(rule, (raw, file, ctx) => {
  const id = raw.secret ?? '';
  const expired = raw.start !== undefined ? presignedExpiry(file.text, raw.start, raw.end ?? raw.start + id.length, ctx.today) : undefined;
  if (expired)
    return {
      ...raw,
      confidence: 'low',
      severity: 'low',
      message: `AWS access key ID in a presigned URL that expired on ${expired.toISOString().slice(0, 10)}: the URL grants nothing now and the ID alone cannot sign; check that its secret key is not committed elsewhere.`,
    };
  const account = accountOfKeyId(id);
  // A key ID minted for an example account (AWS's docs' 123456789012): made up for a guide or a test.
  if (account && DOCUMENTATION_ACCOUNTS.has(account)) return { ...raw, confidence: 'low', message: `${raw.message} Its account (${account}) is one AWS's documentation uses: probably an example.` };
  // A record of AWS's audit log (CloudTrail's `userIdentity`: `"accessKeyId"` beside `"principalId"`, `"accountId"`,
  // `"eventName"`): the key that made a call, logged by AWS, with no secret beside it.
  if (raw.start !== undefined && inAuditRecord(file.text, raw.start))
    return { ...raw, confidence: 'low', message: `${raw.message} It sits in an audit log record (CloudTrail's userIdentity), which names the key that made a call and never holds its secret.` };
  // An Amazon affiliate link (`…/dp/<ASIN>?SubscriptionId=AKIA…&tag=…&linkCode=xm2`): the Product Advertising
  // API puts the associate's key ID in every product link it returns, published in the pages that show them.
  if (raw.start !== undefined && /[?&;]SubscriptionId=$/.test(file.text.slice(Math.max(0, raw.start - 20), raw.start)))
    return {
      ...raw,
      confidence: 'low',
      message: `${raw.message} It is the \`SubscriptionId\` of an Amazon product link, which the Product Advertising API publishes in every link it returns; the ID alone cannot sign.`,
    };
  return /[0189]/.test(id.slice(4)) ? { ...raw, confidence: 'medium' } : raw;
});

function inAuditRecord(text: string, at: number): boolean {
  const near = text.slice(Math.max(0, at - 400), Math.min(text.length, at + 400));
  return /accessKeyId\W{1,6}$/.test(text.slice(Math.max(0, at - 20), at)) && /principalId|userIdentity|eventName|eventSource/.test(near);
}
