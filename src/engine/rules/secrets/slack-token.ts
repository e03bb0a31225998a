import { defineSecretRule } from './define.js';

const HEAD = /^(x(?:ox(?:e\.xox[bp]|[abeoprs])|app))-(.*)$/;

/**
 * Slack's token families share `xox?-` (or `xapp-`) then dash-separated groups. One loose pattern finds
 * them; `validate` checks the group structure per family, which is what separates real tokens from
 * `xoxb-my-bot-token`, `xoxp-1234-1234-…` and other look-alikes in docs.
 */
function slackShape(secret: string): boolean {
  const m = HEAD.exec(secret);
  if (!m) return false;
  const kind = m[1]!;
  const body = m[2]!;
  const parts = body.split('-');
  if (parts.some((p) => p.length === 0)) return false;
  // Configuration access tokens and their refresh tokens: version, then one long base62 run.
  if (kind.startsWith('xoxe.')) return /^\d-[A-Za-z0-9]{140,180}$/.test(body);
  if (kind === 'xapp') return /^\d-[A-Za-z0-9]{8,14}-\d{8,15}-[A-Za-z0-9]{32,80}$/.test(body);
  if (kind === 'xoxe' && /^\d-[A-Za-z0-9]{140,180}$/.test(body)) return true;
  // Legacy workspace tokens were short and unstructured.
  if ((kind === 'xoxa' || kind === 'xoxr') && /^(?:\d-)?[A-Za-z0-9]{8,48}$/.test(body)) return true;
  // Bot, user, legacy and workspace tokens: [version-] team/user id (5+ digits), more groups, 20+ chars.
  const groups = /^\d$/.test(parts[0]!) ? parts.slice(1) : parts;
  return groups.length >= 2 && /^\d{5,14}$/.test(groups[0]!) && groups.join('').length >= 20;
}

export default defineSecretRule({
  id: 'secrets/slack-token',
  description: 'Slack token (bot, user, app-level, workspace, configuration or legacy)',
  severity: 'critical',
  keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxo-', 'xoxs-', 'xoxe-', 'xoxe.', 'xapp-'],
  // A `?` right after means a mangled token (`xoxb-123?456`), not one that ends there.
  pattern: /(?<![A-Za-z0-9_-])(?<secret>x(?:ox(?:e\.xox[bp]|[abeoprs])|app)-[A-Za-z0-9-]{8,250})(?![A-Za-z0-9_?-])/g,
  minEntropy: 2.8,
  validate: slackShape,
  revoke: {
    provider: 'Slack',
    url: 'https://api.slack.com/apps',
    steps: [
      'Revoke the token: call auth.revoke with it, or under api.slack.com/apps → your app → OAuth & Permissions (bot/user tokens) or Basic Information → App-Level Tokens; configuration tokens under "Your App Configuration Tokens".',
      'Reinstall the app (or rotate the tokens) to issue replacements, and enable token rotation for the app if it is not on.',
      'Check the workspace access logs and audit logs for use of the token since it was committed.',
      'Store the new token in a secret manager or CI secret and load it at run time.',
    ],
  },
});
