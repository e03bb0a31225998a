import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, ci, names, spellings } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/**
 * Alibaba Cloud AccessKey secrets are 30 alphanumerics with no marker: found by name (ALIBABA_CLOUD_
 * ACCESS_KEY_SECRET, ALICLOUD_SECRET_KEY, aliyun…, accessKeySecret).
 */
const NAME = `(?:${names('alibaba', 'aliyun', 'alicloud', 'ali_cloud')}|${ci('access')}[_.\\-]?${ci('key')}[_.\\-]?${ci('secret')})`;

const VALUE = '[A-Za-z0-9]{30}';

const spec: SecretRuleSpec = {
  id: 'secrets/alibaba-access-key-secret',
  description: 'Alibaba Cloud AccessKey secret',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['alibaba', 'aliyun', 'alicloud', 'ali_cloud', ...spellings([['access'], ['key'], ['secret']])],
  pattern: assignment(NAME, VALUE),
  minEntropy: 3.5,
  validate: (secret) => /[0-9]/.test(secret) && /[A-Za-z]/.test(secret),
  revoke: {
    provider: 'Alibaba Cloud RAM',
    url: 'https://ram.console.aliyun.com/manage/ak',
    steps: [
      'Find the AccessKey ID that goes with this secret (usually next to it) and disable that AccessKey in the RAM console.',
      'Create a replacement (or use a RAM role / STS), update the consumers, then delete the old AccessKey.',
      'Review ActionTrail for API calls made with it since the commit.',
    ],
  },
};

// `alibaba:\n  api_key: …`, `[alibaba]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['alibaba', 'aliyun', 'alicloud', 'ali_cloud'], pattern: nestedSecret(['alibaba', 'aliyun', 'alicloud', 'ali_cloud'], VALUE) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['alicloud'], ['secret_key'], VALUE));
