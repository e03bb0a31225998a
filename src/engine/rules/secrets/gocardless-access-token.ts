import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * GoCardless access tokens start with `live_` (or `sandbox_` in the sandbox) followed by 40 characters of
 * letters, digits, `_`, `-` and `=`. The prefix alone is too common, so they count next to GoCardless' name
 * (`GOCARDLESS_ACCESS_TOKEN`, `GoCardlessPro::Client.new(access_token: …)`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['gocardless', 'go_cardless']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('gocardless', 'go_cardless')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;
const TOKEN = '(?:live|sandbox)_[A-Za-z0-9_=-]{40}';

export default defineSecretRuleSet({
  id: 'secrets/gocardless-access-token',
  description: 'GoCardless access token',
  severity: 'high',
  variants: [
    {
      keywords: ['gocardless', 'go_cardless'],
      pattern: keyedSecret(NAME, TOKEN),
      nextLine: true,
      minEntropy: 3.5,
      placeholders: 'loose',
    },
    {
      keywords: ['gocardless', 'go_cardless'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>${TOKEN})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.5,
      placeholders: 'loose',
    },
    {
      keywords: ['gocardless'],
      pattern: new RegExp(String.raw`[Gg]o[Cc]ardless[\w.:]{0,24}\(\s{0,4}\{?\s{0,4}(?:access_?[Tt]oken|accessToken)\s{0,2}(?::|=>?)\s{0,2}["'](?<secret>${TOKEN})["']`, 'g'),
      minEntropy: 3.5,
    },
  ],
  revoke: {
    provider: 'GoCardless',
    url: 'https://manage.gocardless.com/developers/access-tokens',
    steps: [
      'In the GoCardless dashboard → Developers → Access tokens, revoke the token.',
      'Review mandates, payments and payouts created or changed since the commit.',
      'Create a replacement with read-only access where that is enough, and store it as a secret.',
    ],
  },
});
