import { defineSecretRule } from './define.js';

/**
 * Microsoft Entra ID refresh tokens: `0.A…` / `1.A…`, then `.AgAB…` (base64url of the token version)
 * and a long opaque body. They mint access tokens for the user's consented scopes for up to 90 days.
 */
export default defineSecretRule({
  id: 'secrets/azure-entra-refresh-token',
  description: 'Microsoft Entra ID (Azure AD) refresh token',
  severity: 'critical',
  confidence: 'high',
  keywords: ['.agab'],
  pattern: /(?<![\w.-])(?<secret>[01]\.A[\w-]{50,400}(?:\.\d)?\.AgAB[\w-]{250,4000}(?:\.A[\w-]{200,2000})?)(?![\w-])/g,
  minEntropy: 4,
  revoke: {
    provider: 'Microsoft Entra ID',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers',
    steps: [
      "Revoke the user's sessions (Entra admin center → Users → <user> → Revoke sessions, or `Revoke-MgUserSignInSession`): every refresh token issued to them stops working.",
      'Find which app obtained it (the client ID in the sign-in logs) and stop writing tokens to files; use a token cache protected by the OS or a managed identity.',
      "Review the user's sign-in and audit logs for use of the token since the commit.",
    ],
  },
});
