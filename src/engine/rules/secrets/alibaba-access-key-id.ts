import { defineSecretRule } from './define.js';
import { presignedExpiry } from './lib/presigned-url.js';
import { refine } from './lib/refine.js';

/** Alibaba Cloud AccessKey IDs: `LTAI` + 12 (older) to 20 (current) alphanumerics. */
const rule = defineSecretRule({
  id: 'secrets/alibaba-access-key-id',
  description: 'Alibaba Cloud AccessKey ID',
  severity: 'high',
  confidence: 'high',
  keywords: ['ltai'],
  pattern: /(?<![A-Za-z0-9])(?<secret>LTAI[A-Za-z0-9]{12,21})(?![A-Za-z0-9])/g,
  minEntropy: 3,
  message: 'Alibaba Cloud AccessKey ID committed; its AccessKey secret is usually nearby: treat the pair as leaked.',
  revoke: {
    provider: 'Alibaba Cloud RAM',
    url: 'https://ram.console.aliyun.com/manage/ak',
    steps: [
      'Find the RAM user that owns the AccessKey (RAM console → Users → AccessKey, or the AccessKey owner lookup) and disable the key.',
      'Create a replacement (or switch to a RAM role / STS credentials), update the consumers, then delete the old AccessKey.',
      'Review ActionTrail for API calls made with the key since the commit.',
    ],
  },
});

// An expired presigned OSS URL (`?OSSAccessKeyId=LTAI…&Expires=<epoch>&Signature=…`): made to be handed out, dead now.
export default refine(rule, (raw, file, ctx) => {
  const id = raw.secret ?? '';
  const expired = raw.start !== undefined ? presignedExpiry(file.text, raw.start, raw.end ?? raw.start + id.length, ctx.today) : undefined;
  return expired
    ? {
        ...raw,
        confidence: 'low',
        severity: 'low',
        message: `Alibaba Cloud AccessKey ID in a presigned OSS URL that expired on ${expired.toISOString().slice(0, 10)}: the URL grants nothing now and the ID alone cannot sign; check that its secret is not committed elsewhere.`,
      }
    : raw;
});
