import { defineSecretRule } from './define.js';

/** Infracost API keys: `ico-` and 32 alphanumerics (CSS classes such as `ico-arrow` are short and low-entropy). */
export default defineSecretRule({
  id: 'secrets/infracost-api-key',
  description: 'Infracost API key',
  severity: 'high',
  keywords: ['ico-'],
  // Not inside a file name (`video_box.ico-7a38…0c.png`: an asset with its content hash).
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>ico-[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.8,
  revoke: {
    provider: 'Infracost',
    url: 'https://dashboard.infracost.io/',
    steps: [
      'In Infracost Cloud → Org settings → API keys, rotate the key (or run `infracost auth login` and regenerate).',
      'Update CI secrets (INFRACOST_API_KEY) that used it.',
      'Store the new key as a CI secret only.',
    ],
  },
});
