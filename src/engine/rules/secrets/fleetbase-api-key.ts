import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/** Fleetbase API secret keys: `flb_live_` / `flb_test_` and 20 letters and digits. */
const rule = defineSecretRule({
  id: 'secrets/fleetbase-api-key',
  description: 'Fleetbase API key',
  severity: 'high',
  keywords: ['flb_live_', 'flb_test_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>flb_(?:live|test)_[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.2,
  revoke: {
    provider: 'Fleetbase',
    url: 'https://console.fleetbase.io/developers/api-keys',
    steps: [
      'In the Fleetbase console, under Developers → API Keys, roll or delete the key.',
      'Review orders, drivers and places changed through the API since the commit.',
      'Store the new key as a server-side secret.',
    ],
  },
});

export default refine(rule, (raw) => (raw.secret?.startsWith('flb_test_') ? { ...raw, severity: 'medium', message: 'Fleetbase test API key committed to the repository.' } : raw));
