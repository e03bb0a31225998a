import { defineSecretRule } from './define.js';

/**
 * Resend API keys: `re_`, an 8-character key id, `_`, and a 24-character secret, both base62 (36
 * characters in all). Shape from Resend's own Node SDK, whose tests use keys of exactly this form
 * (resend/resend-node, src/api-keys/api-keys.spec.ts). The docs' `re_123456789` is too short.
 */
export default defineSecretRule({
  id: 'secrets/resend-api-key',
  description: 'Resend API key',
  severity: 'high',
  keywords: ['re_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.8,
  // A random base62 secret mixes at least two of upper case, lower case and digits.
  validate: (s) => {
    const body = s.slice(3);
    return [/[A-Z]/, /[a-z]/, /[0-9]/].filter((re) => re.test(body)).length >= 2;
  },
  message: 'Resend API key committed to the repository: anyone holding it can send mail from your verified domains.',
  revoke: {
    provider: 'Resend',
    url: 'https://resend.com/api-keys',
    steps: [
      'In the Resend dashboard → API Keys, delete the key.',
      'Review Emails and Logs for messages you did not send since it was committed (it can send from your verified domains).',
      'Create a replacement with "Sending access" restricted to one domain where possible, and store it as a secret.',
    ],
  },
});
