import { defineSecretRule } from './define.js';

/** OAuth 2.0 client secrets issued by Google Cloud since 2021: `GOCSPX-` + 28 URL-safe characters. */
export default defineSecretRule({
  id: 'secrets/google-oauth-client-secret',
  description: 'Google OAuth client secret',
  severity: 'high',
  confidence: 'high',
  keywords: ['gocspx-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Google Cloud',
    url: 'https://console.cloud.google.com/apis/credentials',
    steps: [
      'Open APIs & Services → Credentials, select the OAuth 2.0 client and add a new secret.',
      'Deploy the new secret to the application, then disable and delete the leaked one.',
      'Review the OAuth consent and token activity for the client since the commit.',
    ],
  },
});
