import { defineSecretRule } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';

/** Tencent Cloud SecretKeys: 32 alphanumerics with no marker, found by a Tencent name. */
export default withNextLine(
  defineSecretRule({
    id: 'secrets/tencent-cloud-secret-key',
    description: 'Tencent Cloud API SecretKey',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['tencent', 'qcloud', 'tccloud'],
    pattern: assignment(names('tencent', 'qcloud', 'tccloud'), '[A-Za-z0-9]{32}'),
    minEntropy: 3.5,
    validate: (secret) => /[0-9]/.test(secret) && /[A-Za-z]/.test(secret) && !/^[a-f0-9]{32}$/.test(secret),
    revoke: {
      provider: 'Tencent Cloud CAM',
      url: 'https://console.cloud.tencent.com/cam/capi',
      steps: [
        'Disable the key pair this SecretKey belongs to under CAM → API Keys.',
        'Create a replacement (or use a CAM role with temporary credentials), update the consumers, then delete the old key.',
        'Review CloudAudit for API calls made with it since the commit.',
      ],
    },
  }),
);
