import { defineSecretRule } from './define.js';

/** MaxMind (GeoIP) license keys in the current format: 6 alphanumerics, `_`, 29 alphanumerics, `_mmk`. */
export default defineSecretRule({
  id: 'secrets/maxmind-license-key',
  description: 'MaxMind license key',
  severity: 'high',
  keywords: ['_mmk'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)(?![A-Za-z0-9_])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'MaxMind',
    url: 'https://www.maxmind.com/en/accounts/current/license-key',
    steps: [
      'In your MaxMind account → Manage License Keys, deactivate the key.',
      'Check GeoIP download and web-service usage for activity you did not cause.',
      'Generate a new key and store it as a secret (e.g. for geoipupdate).',
    ],
  },
});
