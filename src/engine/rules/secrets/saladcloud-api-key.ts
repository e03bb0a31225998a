import { defineSecretRule } from './define.js';

/** SaladCloud (GPU cloud) API keys: `salad_cloud_<kind>_` + up to 235 alphanumerics. */
export default defineSecretRule({
  id: 'secrets/saladcloud-api-key',
  description: 'SaladCloud API key',
  severity: 'high',
  confidence: 'high',
  keywords: ['salad_cloud_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>salad_cloud_[A-Za-z0-9]{1,7}_[A-Za-z0-9]{20,235})(?![A-Za-z0-9_])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'SaladCloud',
    url: 'https://portal.salad.com/api-key',
    steps: [
      'Regenerate the API key in the SaladCloud portal (Account → API Access); the old key stops working.',
      "Store the new key as a CI or platform secret and review the organisation's container groups for unexpected changes since the commit.",
    ],
  },
});
