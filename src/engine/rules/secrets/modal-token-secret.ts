import { defineSecretRule } from './define.js';

/**
 * Modal token secrets: `as-` and 22 base62 characters, the half of a Modal token pair (`ak-…` is the
 * token's id) that authenticates it. Prefixes from Modal's client (modal-labs/modal-client,
 * py/modal/config.py: `token_id = "ak-…"`, `token_secret = "as-…"`), the length from its READMEs'
 * stand-ins of the real shape (js/README.md, go/README.md: `as-` and 22 characters). A 3-character
 * prefix is short: the body must mix upper case, lower case and digits, as 98 % of random ones do.
 */
export default defineSecretRule({
  id: 'secrets/modal-token-secret',
  description: 'Modal token secret',
  severity: 'high',
  confidence: 'medium',
  keywords: ['as-'],
  pattern: /(?<![A-Za-z0-9_.\/-])(?<secret>as-[A-Za-z0-9]{22})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  validate: (s) => {
    const body = s.slice(3);
    return /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body);
  },
  message: 'Modal token secret committed to the repository: with its token id (ak-…) it runs code and spends credits in your Modal workspace.',
  revoke: {
    provider: 'Modal',
    url: 'https://modal.com/settings/tokens',
    steps: [
      'In Modal → Settings → API Tokens, revoke the token this secret belongs to.',
      "Review the workspace's apps, functions and usage for activity you did not start since it was committed.",
      'Create a new token (`modal token new`) for the job alone and inject MODAL_TOKEN_ID / MODAL_TOKEN_SECRET from a secret store.',
    ],
  },
});
