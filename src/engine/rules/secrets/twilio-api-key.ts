import { defineSecretRule } from './define.js';

/**
 * API key SIDs are `SK` + 32 hex. Their only literal is `SK`, which as a lower-case keyword would match
 * most lines (`task`, `disk`), so the rule runs on every file instead; the case-sensitive prefix and
 * exact length keep that cheap.
 */
export default defineSecretRule({
  id: 'secrets/twilio-api-key',
  description: 'Twilio API key SID',
  // The SID names the key; its secret is separate. Worth revoking together, but not proof of a leak.
  severity: 'medium',
  confidence: 'medium',
  keywords: [],
  pattern: /(?<![A-Za-z0-9_+/-])(?<secret>SK(?:[0-9a-f]{32}|[0-9A-F]{32}))(?![A-Za-z0-9_+/=-])/g,
  minEntropy: 3,
  message: 'Twilio API key SID committed to the repository; its secret is usually nearby.',
  revoke: {
    provider: 'Twilio',
    url: 'https://console.twilio.com/us1/account/keys-credentials/api-keys',
    steps: [
      'In the Console → Account → API keys & tokens, delete the API key (this also invalidates its secret).',
      'Create a new key with the narrowest type (Standard or Restricted) and review Monitor → Logs for use of the old one.',
      'Store the key and secret in a secret manager and load them at run time.',
    ],
  },
});
