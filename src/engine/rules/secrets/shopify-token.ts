import { defineSecretRule } from './define.js';

const KINDS = 'admin API access token (shpat_), online (user) access token (shpua_), custom app token (shpca_), private app password (shppa_) or app shared secret (shpss_)';

export default defineSecretRule({
  id: 'secrets/shopify-token',
  description: 'Shopify access token or app shared secret',
  severity: 'critical',
  keywords: ['shpat_', 'shpua_', 'shpca_', 'shppa_', 'shpss_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>shp(?:at|ua|ca|pa|ss)_[A-Za-z0-9]{32,64})(?![A-Za-z0-9_])/g,
  minEntropy: 3,
  message: `Shopify ${KINDS} committed to the repository.`,
  revoke: {
    provider: 'Shopify',
    url: 'https://help.shopify.com/en/manual/apps/app-types/custom-apps',
    steps: [
      'In the store admin → Settings → Apps and sales channels → Develop apps, open the app and rotate the Admin API access token (uninstalling the app revokes it); for a shared secret, rotate the client secret in the Partner Dashboard.',
      "Review the store's orders, customers and staff activity for changes you did not make.",
      'Store the new token as a secret and load it at run time.',
    ],
  },
});
