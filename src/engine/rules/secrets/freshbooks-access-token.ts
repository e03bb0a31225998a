import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * FreshBooks OAuth access tokens, refresh tokens and client secrets are 64 lower-case hex characters.
 * No prefix: they count next to FreshBooks' name (`FRESHBOOKS_ACCESS_TOKEN`, `freshbooks_client_secret`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['freshbooks', 'fresh_books']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('freshbooks', 'fresh_books')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/freshbooks-access-token',
  description: 'FreshBooks access token or client secret',
  severity: 'high',
  variants: [
    {
      keywords: ['freshbooks', 'fresh_books'],
      pattern: keyedSecret(NAME, String.raw`[a-f0-9]{64}`),
      nextLine: true,
      minEntropy: 3.3,
    },
    {
      keywords: ['freshbooks', 'fresh_books'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[a-f0-9]{64})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.3,
    },
  ],
  revoke: {
    provider: 'FreshBooks',
    url: 'https://my.freshbooks.com/#/developer',
    steps: [
      "In FreshBooks → Developer Portal, reset the app's client secret; revoke issued tokens (POST /auth/oauth/revoke).",
      'Review invoices, clients and payments changed through the API since the commit.',
      'Store the new credentials as secrets.',
    ],
  },
});
