import { defineSecretRule } from './define.js';

/**
 * Azure App Configuration access keys, as the portal's connection string gives them:
 * `Endpoint=https://<store>.azconfig.io;Id=<credential id>;Secret=<32 bytes in base64>`. The Secret signs
 * requests (HMAC-SHA256) to read, and for a read-write key change, every key-value and feature flag of
 * the store; the Id names the key and is not secret. Sovereign clouds use other hosts (`.azconfig.azure.cn`,
 * `.azconfig.azure.us`).
 */
export default defineSecretRule({
  id: 'secrets/azure-app-configuration-connection-string',
  description: 'Azure App Configuration connection string (access key secret)',
  severity: 'critical',
  confidence: 'high',
  keywords: ['azconfig'],
  pattern: /(?<![\w.-])[A-Za-z0-9-]{1,63}\.azconfig(?:\.azure)?\.[a-z]{2,6}\/?;Id=[A-Za-z0-9+/:=_-]{4,64};Secret=(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/gi,
  minEntropy: 3.8,
  revoke: {
    provider: 'Microsoft Azure',
    url: 'https://learn.microsoft.com/azure/azure-app-configuration/howto-disable-access-key-authentication',
    steps: [
      'In the portal, open the App Configuration store → Settings → Access settings, and regenerate the key whose Id is in the connection string (read-write or read-only).',
      'Review the store’s activity log and diagnostic logs for reads and changes of key-values since the commit.',
      'Move clients to Microsoft Entra ID (managed identity with the App Configuration Data Reader role) and disable access-key authentication.',
    ],
  },
});
