import { defineSecretRule } from './define.js';

/** `SG.<22 id>.<43 secret>`; some peers test 66 characters after `SG.` without the inner dot's position. */
export default defineSecretRule({
  id: 'secrets/sendgrid-api-key',
  description: 'SendGrid API key',
  severity: 'high',
  keywords: ['sg.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{30,50}(?![A-Za-z0-9_=.-])|SG\.[A-Za-z0-9_=.-]{66}(?![A-Za-z0-9_=.-]))/g,
  minEntropy: 3.5,
  validate: (s) => !s.includes('..') && !s.endsWith('.'),
  revoke: {
    provider: 'SendGrid (Twilio)',
    url: 'https://app.sendgrid.com/settings/api_keys',
    steps: [
      'In Settings → API Keys, delete the key.',
      'Check Activity and Suppressions for mail you did not send (leaked keys are used for phishing from your domain).',
      'Create a replacement with restricted access (Mail Send only, if that is all you need) and store it as a secret.',
    ],
  },
});
