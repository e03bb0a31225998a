import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/** Tencent Cloud SecretKeys: 32 alphanumerics with no marker, found by a Tencent name. */
const VALUE = '[A-Za-z0-9]{32}';

const spec: SecretRuleSpec = {
  id: 'secrets/tencent-cloud-secret-key',
  description: 'Tencent Cloud API SecretKey',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['tencent', 'qcloud', 'tccloud'],
  pattern: assignment(names('tencent', 'qcloud', 'tccloud'), VALUE),
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
};

// `tencent:\n  api_key: …`, `[tencent]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['tencent', 'qcloud', 'tccloud'], pattern: nestedSecret(['tencent', 'qcloud', 'tccloud'], VALUE) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['tencentcloud'], ['secret_key'], VALUE));
