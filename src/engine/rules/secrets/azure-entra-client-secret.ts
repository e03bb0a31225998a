import { defineSecretRule } from './define.js';

/**
 * Microsoft Entra ID (Azure AD) application client secrets issued since 2021: 3 characters, a version
 * digit, `Q~`, then 31–34 characters of [A-Za-z0-9_~.-] (40 in all). The `Q~` marker makes them
 * recognisable without a name next to them.
 */
export default defineSecretRule({
  id: 'secrets/azure-entra-client-secret',
  description: 'Microsoft Entra ID (Azure AD) client secret',
  severity: 'critical',
  confidence: 'high',
  keywords: ['q~'],
  pattern: /(?<![A-Za-z0-9_~.+/-])(?<secret>[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.+/-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Microsoft Entra ID',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
    steps: [
      'Find the app registration (the client ID is usually next to the secret) → Certificates & secrets, and delete the leaked secret (`az ad app credential delete --id <appId> --key-id <keyId>`).',
      'Prefer a managed identity or workload identity federation; otherwise add a new secret with a short expiry and store it in Key Vault.',
      'Review the sign-in logs (service principal sign-ins) for use of the secret since the commit.',
    ],
  },
});
