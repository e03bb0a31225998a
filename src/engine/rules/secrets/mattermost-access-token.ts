import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Mattermost personal access tokens and bot tokens are 26 lower-case alphanumerics (Mattermost's id
 * format). No prefix: they count next to Mattermost's name (`MATTERMOST_TOKEN`, `mattermost_access_token`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['mattermost']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('mattermost')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/mattermost-access-token',
  description: 'Mattermost personal access or bot token',
  severity: 'high',
  variants: [
    {
      keywords: ['mattermost'],
      pattern: keyedSecret(NAME, String.raw`[a-z0-9]{26}`),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
    },
    {
      keywords: ['mattermost'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[a-z0-9]{26})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
    },
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
