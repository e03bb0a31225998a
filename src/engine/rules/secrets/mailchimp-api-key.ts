import { defineSecretRule } from './define.js';

/** `<32 hex>-us<datacentre>`: the suffix makes it recognisable without the provider's name. */
export default defineSecretRule({
  id: 'secrets/mailchimp-api-key',
  description: 'Mailchimp Marketing API key',
  severity: 'high',
  keywords: ['-us'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>[0-9a-f]{32}-us\d{1,2})(?![A-Za-z0-9_])/g,
  minEntropy: 3,
  revoke: {
    provider: 'Mailchimp (Intuit)',
    url: 'https://us1.admin.mailchimp.com/account/api/',
    steps: [
      'In Profile → Extras → API keys, disable and delete the key.',
      'Review the account activity for audience exports or campaigns you did not make.',
      'Create a replacement and store it as a secret.',
    ],
  },
});
