import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Gitter personal access tokens are 40 characters (lower-case hex in practice) with no prefix; they count
 * next to Gitter's name (`GITTER_TOKEN`, `gitter: { token: … }`). Gitter now runs on Matrix, but old
 * tokens still reach its API.
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['gitter']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('gitter')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/gitter-access-token',
  description: 'Gitter access token',
  severity: 'high',
  variants: [
    {
      keywords: ['gitter'],
      pattern: keyedSecret(NAME, String.raw`[a-z0-9_-]{40}`),
      nextLine: true,
      minEntropy: 3.2,
      placeholders: 'loose',
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
    },
    {
      keywords: ['gitter'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[a-z0-9_-]{40})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.2,
      placeholders: 'loose',
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
    },
  ],
  revoke: {
    provider: 'Gitter (Element)',
    url: 'https://developer.gitter.im/apps',
    steps: [
      'Revoke the token on the Gitter developer site (or sign out all sessions of the account).',
      'Review rooms the account could post in for messages you did not send.',
      'Store any replacement as a secret.',
    ],
  },
});
