/** Presigned S3 URLs (and Alibaba OSS's, in S3's SigV2 form): when one has expired, what it carries is dead. */

/**
 * The moment a presigned S3 URL expired, when that is past, for a value that is one of its parameters:
 * SigV4's `X-Amz-Credential=<id>%2F…` or `X-Amz-Security-Token=<token>` with `X-Amz-Date=20180913T201100Z
 * &X-Amz-Expires=300`, SigV2's `AWSAccessKeyId=<id>&Expires=<epoch>` (OSS: `OSSAccessKeyId=`). Such a URL is made to be handed out;
 * once expired it grants nothing, and what it carries (a key ID, a session token that expires with it) never
 * signs again.
 */
export function presignedExpiry(text: string, start: number, end: number, today: Date): Date | undefined {
  const before = text.slice(Math.max(0, start - 30), start);
  const v4 = /X-Amz-(?:Credential|Security-Token)=$/i.test(before);
  if (!v4 && !/(?:AWS|OSS)AccessKeyId=$/.test(before)) return undefined;
  const from = Math.max(0, start - 2000);
  const eol = text.indexOf('\n', end);
  const url = text.slice(from, eol === -1 ? Math.min(text.length, end + 2000) : Math.min(eol, end + 2000));
  let at: number;
  if (v4) {
    const date = /[?&]X-Amz-Date=(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/i.exec(url);
    const expires = /[?&]X-Amz-Expires=(\d{1,7})(?!\d)/i.exec(url);
    if (!date || !expires) return undefined;
    at = Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!, +date[4]!, +date[5]!, +date[6]!) + Number(expires[1]) * 1000;
  } else {
    const expires = /[?&]Expires=(\d{9,11})(?!\d)/.exec(url);
    if (!expires) return undefined;
    at = Number(expires[1]) * 1000;
  }
  return Number.isFinite(at) && at < today.getTime() ? new Date(at) : undefined;
}
