import { defineSecretRule } from './define.js';

// Peers test with lower-case alphanumerics in the UUID positions, so do not insist on hex.
const UUID = '[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}';

/** Incoming-webhook connector URLs: anyone holding one can post to the channel. */
export default defineSecretRule({
  id: 'secrets/microsoft-teams-webhook',
  description: 'Microsoft Teams incoming webhook URL',
  severity: 'high',
  keywords: ['webhook.office.com', 'outlook.office.com/webhook'],
  pattern: new RegExp(
    `https:\\/\\/(?:[a-z0-9-]{1,63}\\.webhook\\.office\\.com\\/webhookb2|outlook\\.office\\.com\\/webhook)\\/` +
      `(?<secret>${UUID}@${UUID}\\/IncomingWebhook\\/[a-z0-9]{32}\\/${UUID}(?:\\/[A-Za-z0-9_-]{20,80})?)(?![A-Za-z0-9_-])`,
    'g',
  ),
  minEntropy: 3,
  revoke: {
    provider: 'Microsoft Teams',
    url: 'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
    steps: [
      'In the channel open Connectors (or Workflows) → Configured → Incoming Webhook → Manage, and remove the webhook.',
      'Create a replacement (Microsoft is retiring Office 365 connectors: prefer a Workflows webhook) and check the channel for messages you did not send.',
      'Store the new URL as a secret and load it at run time.',
    ],
  },
});
