import { defineSecretRule } from './define.js';

/** Heroku API keys and OAuth tokens in the current format: `HRKU-` + 60 URL-safe characters. */
export default defineSecretRule({
  id: 'secrets/heroku-api-key',
  description: 'Heroku API key / OAuth token',
  severity: 'critical',
  confidence: 'high',
  keywords: ['hrku-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>HRKU-[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Heroku',
    url: 'https://dashboard.heroku.com/account/applications',
    steps: [
      'Revoke it: an authorization under Account settings → Applications (or `heroku authorizations:revoke <id>`); the account API key by regenerating it under Account settings → API Key.',
      'Create a replacement authorization limited to the needed scope (`heroku authorizations:create --scope …`) and store it as a CI secret.',
      'Review the account and team audit trail for activity with the key since the commit.',
    ],
  },
});
