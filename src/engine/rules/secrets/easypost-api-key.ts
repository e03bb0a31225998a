import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/easypost-api-key',
  description: 'EasyPost production or test API key',
  severity: 'high',
  keywords: ['ezak', 'eztk'],
  pattern: /(?<![A-Za-z0-9_+/-])(?<secret>EZ[AT]K[A-Za-z0-9]{54})(?![A-Za-z0-9_+/=-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'EasyPost',
    url: 'https://www.easypost.com/account/api-keys',
    steps: [
      'In Account → API Keys, disable the key and create a new one.',
      'Review shipments and label purchases for ones you did not make.',
      'Store the new key as a secret and load it at run time.',
    ],
  },
});
