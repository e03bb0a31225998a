import { defineSecretRule } from './define.js';

/**
 * WooCommerce REST API keys: a consumer key `ck_` and its secret `cs_`, each 40 hex digits (WooCommerce
 * makes them from a random SHA-1). Either one reported; the secret signs requests with the key.
 */
export default defineSecretRule({
  id: 'secrets/woocommerce-api-key',
  description: 'WooCommerce REST API consumer key or secret',
  severity: 'high',
  keywords: ['ck_', 'cs_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>c[ks]_[a-f0-9]{40})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.2,
  revoke: {
    provider: 'WooCommerce (the store’s WordPress site)',
    url: 'https://woocommerce.com/document/woocommerce-rest-api/',
    steps: [
      'Revoke the key in the store’s WordPress admin under WooCommerce → Settings → Advanced → REST API.',
      'Review the store’s orders, customers and products for changes made through the API since the commit (a read/write key can change them).',
      'Create a new key with the least permission that works (read where possible), for a dedicated user, and keep it in your secret store.',
    ],
  },
});
