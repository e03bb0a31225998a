import { defineSecretRule } from './define.js';

/** A Zapier "Catch Hook" URL (`hooks.zapier.com/hooks/catch/<account>/<hook>/`): anyone holding it can trigger the Zap with their own data. */
export default defineSecretRule({
  id: 'secrets/zapier-webhook-url',
  description: 'Zapier catch-hook webhook URL',
  severity: 'high',
  keywords: ['hooks.zapier.com'],
  pattern: /(?<![A-Za-z0-9])https?:\/\/hooks\.zapier\.com\/hooks\/catch\/(?<secret>[0-9]{3,12}\/[A-Za-z0-9]{5,16})(?![A-Za-z0-9])/g,
  minEntropy: 2.5,
  revoke: {
    provider: 'Zapier',
    url: 'https://zapier.com/app/zaps',
    steps: [
      'In the Zap\'s "Catch Hook" trigger, turn the Zap off and replace the trigger to get a new URL (or delete the Zap).',
      "Review the Zap's run history for requests you did not send.",
      'Keep the new URL in a secret and, where possible, add a shared-secret check in the Zap.',
    ],
  },
});
