import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * Pagar.me (API v4) keys: `ak_live_` / `ak_test_` and 30 letters and digits. The encryption key
 * (`ek_…`) is meant for the browser and is not reported.
 */
const rule = defineSecretRule({
  id: 'secrets/pagarme-api-key',
  description: 'Pagar.me API key',
  severity: 'critical',
  keywords: ['ak_live_', 'ak_test_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>ak_(?:live|test)_[A-Za-z0-9]{30})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Pagar.me',
    url: 'https://dash.pagar.me/',
    steps: [
      'In the Pagar.me dashboard, under Configurações → Chaves (API keys), generate new keys: the old API key stops working.',
      'Review transactions, refunds and transfers (recebedores) created since the commit.',
      'Store the new API key as a server-side secret; only the encryption key (ek_) belongs in the browser.',
    ],
  },
});

export default refine(rule, (raw) => (raw.secret?.startsWith('ak_test_') ? { ...raw, severity: 'medium', message: 'Pagar.me test API key committed to the repository.' } : raw));
