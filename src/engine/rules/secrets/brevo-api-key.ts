import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/brevo-api-key',
  description: 'Brevo (Sendinblue) API or SMTP key',
  severity: 'high',
  keywords: ['xkeysib-', 'xsmtpsib-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/g,
  minEntropy: 3,
  revoke: {
    provider: 'Brevo',
    url: 'https://app.brevo.com/settings/keys/api',
    steps: ['In SMTP & API → API keys (or SMTP keys), delete the key.', 'Check the transactional logs for mail you did not send.', 'Create a replacement and store it as a secret.'],
  },
});
