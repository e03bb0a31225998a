import { defineSecretRule } from './define.js';
import { isPlaceholder, isReference } from '../../placeholder.js';
import { shannonEntropy } from '../../entropy.js';

/**
 * Incoming webhooks (`services/T…/B…/<token>`), workflow and trigger webhooks. The team, bot and
 * workflow ids are not secret; the last path segment is, so placeholder and entropy checks look at it
 * (docs write `T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`).
 */
export default defineSecretRule({
  id: 'secrets/slack-webhook',
  description: 'Slack incoming or workflow webhook URL',
  severity: 'high',
  keywords: ['hooks.slack.com'],
  pattern: /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9_+/]{24,120})(?![A-Za-z0-9_+/])/g,
  placeholders: 'off',
  validate: (secret) => {
    const parts = secret.replace(/\/+$/, '').split('/');
    // An incoming webhook is `T<team>/B<bot>/<token>`; a workflow's adds an `A<app>` id and a number, a trigger's a number.
    if (parts.length === 3 && /^T/.test(parts[0]!) && /^[A-Z]/.test(parts[1]!) && !parts[1]!.startsWith('B')) return false;
    const token = parts.pop() ?? '';
    return token.length >= 16 && !isPlaceholder(token, true) && !isReference(token) && shannonEntropy(token) >= 3;
  },
  revoke: {
    provider: 'Slack',
    url: 'https://api.slack.com/apps',
    steps: [
      'Open the app that owns the webhook (api.slack.com/apps → Incoming Webhooks, or the workflow in Workflow Builder) and remove or regenerate the webhook URL.',
      'Anyone with the URL can post to the channel: check the channel for messages you did not send.',
      'Store the new URL as a secret and load it at run time.',
    ],
  },
});
