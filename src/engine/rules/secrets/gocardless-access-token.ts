import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * GoCardless access tokens start with `live_` (or `sandbox_` in the sandbox) followed by 40 characters of
 * letters, digits, `_`, `-` and `=`. The prefix alone is too common, so they count next to GoCardless' name
 * (`GOCARDLESS_ACCESS_TOKEN`, `GoCardlessPro::Client.new(access_token: …)`).
 */
const TOKEN = '(?:live|sandbox)_[A-Za-z0-9_=-]{40}';

export default defineSecretRuleSet({
  id: 'secrets/gocardless-access-token',
  description: 'GoCardless access token',
  severity: 'high',
  variants: [
    ...keyedAndNested(['gocardless', 'go_cardless'], {
      keywords: ['gocardless', 'go_cardless'],
      value: TOKEN,
      minEntropy: 3.5,
      placeholders: 'loose',
    }),
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
