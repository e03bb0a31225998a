import { defineSecretRuleSet } from './lib/rule-set.js';

// Peers test with lower-case alphanumerics in the UUID positions, so do not insist on hex.
const UUID = '[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}';

/**
 * The query of a workflow's HTTP trigger, up to its `sig` (the SAS signature, an HMAC-SHA256 in base64url):
 * the parameters come in any order (`api-version`, `sp`, `sv`, `sig`), `&` also written `&amp;` in HTML.
 */
const SIGNED_QUERY = String.raw`\?(?:[^\s"'<>&#]{1,200}&(?:amp;)?){0,8}sig=(?<secret>[A-Za-z0-9_-]{40,64})(?![A-Za-z0-9_-])`;
const TRIGGER = String.raw`\/triggers\/[A-Za-z0-9_.%-]{1,80}`;

/**
 * Microsoft Teams incoming webhooks: the Office 365 connector URLs, and what replaces them, a Workflows
 * (Power Automate) flow's HTTP trigger. A Power Automate or Azure Logic Apps trigger URL carries its own
 * credential, the `sig` parameter: anyone holding the URL runs the flow (posts to the channel, or
 * whatever the workflow does).
 */
export default defineSecretRuleSet({
  id: 'secrets/microsoft-teams-webhook',
  description: 'Microsoft Teams incoming webhook URL (an Office 365 connector, or a Workflows / Power Automate / Azure Logic Apps trigger URL and its signature)',
  severity: 'high',
  variants: [
    {
      keywords: ['webhook.office.com', 'outlook.office.com/webhook'],
      pattern: new RegExp(
        `https:\\/\\/(?:[a-z0-9-]{1,63}\\.webhook\\.office\\.com\\/webhookb2|outlook\\.office\\.com\\/webhook)\\/` +
          `(?<secret>${UUID}@${UUID}\\/IncomingWebhook\\/[a-z0-9]{32}\\/${UUID}(?:\\/[A-Za-z0-9_-]{20,80})?)(?![A-Za-z0-9_-])`,
        'g',
      ),
      minEntropy: 3,
    },
    {
      // Power Automate (Teams Workflows): https://default<env>.<nn>.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/<id>/triggers/manual/paths/invoke?…&sig=…;
      // Logic Apps: https://prod-<nn>.<region>.logic.azure.com:443/workflows/<id>/triggers/manual/paths/invoke?…; Logic Apps Standard: https://<app>.azurewebsites.net:443/api/<workflow>/triggers/<name>/invoke?….
      keywords: ['/triggers/'],
      pattern: new RegExp(
        String.raw`https:\/\/(?:[a-z0-9-]{1,80}\.\d{1,3}\.environment\.api\.powerplatform\.com(?::\d{1,5})?\/powerautomate\/automations\/direct\/workflows\/[0-9a-f]{32}${TRIGGER}\/paths\/invoke|` +
          String.raw`[a-z0-9-]{1,40}\.[a-z0-9-]{2,40}\.logic\.azure\.(?:com|us|cn)(?::\d{1,5})?\/workflows\/[0-9a-f]{32}${TRIGGER}\/paths\/invoke(?:\/[^\s?"'<>]{1,200})?|` +
          String.raw`[a-z0-9-]{1,60}\.azurewebsites\.net(?::\d{1,5})?\/api\/[A-Za-z0-9_.-]{1,80}${TRIGGER}\/invoke)${SIGNED_QUERY}`,
        'g',
      ),
      minEntropy: 3.5,
      message: 'Workflow trigger URL with its signature committed (a Teams Workflows webhook, Power Automate or Azure Logic Apps): anyone holding the URL can run the flow.',
    },
  ],
  revoke: {
    provider: 'Microsoft Teams, Power Automate or Azure Logic Apps',
    url: 'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
    steps: [
      'A connector URL: in the channel open Connectors (or Workflows) → Configured → Incoming Webhook → Manage, and remove the webhook; create a replacement (Microsoft is retiring Office 365 connectors: prefer a Workflows webhook).',
      "A workflow trigger URL: regenerate the signature (Logic Apps: the workflow's Access keys → Regenerate; Power Automate: delete the trigger and add it again, which issues a new URL) and review the flow's run history for runs you did not start.",
      'Store the new URL as a secret and load it at run time.',
    ],
  },
});
