import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Mattermost personal access tokens and bot tokens are 26 lower-case alphanumerics (Mattermost's id
 * format). No prefix: they count next to Mattermost's name (`MATTERMOST_TOKEN`, `mattermost_access_token`).
 */
export default defineSecretRuleSet({
  id: 'secrets/mattermost-access-token',
  description: 'Mattermost personal access or bot token',
  severity: 'high',
  variants: [
    ...keyedAndNested(['mattermost'], {
      keywords: ['mattermost'],
      value: String.raw`[a-z0-9]{26}`,
      minEntropy: 3.3,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
    }),
  ],
  revoke: {
    provider: 'Mattermost',
    url: 'https://docs.mattermost.com/developer/personal-access-tokens.html',
    steps: [
      'In Profile → Security → Personal Access Tokens (or Integrations → Bot Accounts for a bot), delete the token.',
      'Review messages and channel changes made by the account since the commit.',
      "Create a replacement, store it as a secret, and keep the account's roles minimal.",
    ],
  },
});
