import { defineSecretRule } from './define.js';

/** MailerSend API tokens: `mlsn.` and 64 hex. */
export default defineSecretRule({
  id: 'secrets/mailersend-api-token',
  description: 'MailerSend API token',
  severity: 'high',
  keywords: ['mlsn.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>mlsn\.[0-9a-f]{64})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.2,
  revoke: {
    provider: 'MailerSend',
    url: 'https://app.mailersend.com/api-tokens',
    steps: [
      'In MailerSend → Integrations → API tokens, delete the token.',
      'Review the activity and sent mail for messages you did not send (phishing from your domain).',
      'Create a replacement with sending access only for the domain it needs, and store it as a secret.',
    ],
  },
});
