import { defineSecretRule } from './define.js';

/** Tencent Cloud API SecretIds: `AKID` + 32 alphanumerics. */
export default defineSecretRule({
  id: 'secrets/tencent-cloud-secret-id',
  description: 'Tencent Cloud API SecretId',
  severity: 'high',
  confidence: 'high',
  keywords: ['akid'],
  pattern: /(?<![A-Za-z0-9])(?<secret>AKID[A-Za-z0-9]{32})(?![A-Za-z0-9])/g,
  minEntropy: 3.5,
  message: 'Tencent Cloud SecretId committed; its SecretKey is usually nearby: treat the pair as leaked.',
  revoke: {
    provider: 'Tencent Cloud CAM',
    url: 'https://console.cloud.tencent.com/cam/capi',
    steps: [
      "Disable the key pair under CAM → API Keys (or the sub-user's API keys).",
      'Create a replacement (or use a CAM role with temporary credentials), update the consumers, then delete the old key.',
      'Review CloudAudit for API calls made with the key since the commit.',
    ],
  },
});
