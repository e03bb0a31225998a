import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Klaviyo private API keys are `pk_` followed by 34 lower-case hex characters (the public key is a 6-character
 * site id). The `pk_` prefix is shared with other vendors' public keys, so a bare match is medium confidence and
 * one next to Klaviyo's name is high.
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['klaviyo']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('klaviyo')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;
const BARE = /(?<![A-Za-z0-9_])(?<secret>pk_[a-f0-9]{34})(?![A-Za-z0-9_])/g;

export default defineSecretRuleSet({
  id: 'secrets/klaviyo-private-key',
  description: 'Klaviyo private API key',
  severity: 'high',
  variants: [
    {
      keywords: ['klaviyo'],
      pattern: keyedSecret(NAME, String.raw`pk_[a-f0-9]{34}`),
      nextLine: true,
      minEntropy: 3.2,
    },
    {
      keywords: ['klaviyo'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>pk_[a-f0-9]{34})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.2,
    },
    {
      keywords: ['pk_'],
      pattern: BARE,
      minEntropy: 3.2,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Klaviyo',
    url: 'https://www.klaviyo.com/settings/account/api-keys',
    steps: [
      'In Klaviyo → Settings → API keys, revoke the private key.',
      'Review profiles, lists and campaigns for exports or changes made with the key since the commit (it reads customer data).',
      'Create a replacement with the narrowest scopes and store it as a secret.',
    ],
  },
});
