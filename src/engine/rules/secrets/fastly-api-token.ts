import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';
import { charClasses } from '../../entropy.js';

/**
 * Fastly API tokens are 32 characters of letters, digits, `_` and `-`, sent in the `Fastly-Key` header. No
 * prefix: they count next to Fastly's name (`FASTLY_API_TOKEN`, the Terraform provider's and the CLI's
 * variable, `Fastly-Key: …`, `fastly_api_key`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['fastly']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('fastly')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/fastly-api-token',
  description: 'Fastly API token',
  severity: 'high',
  variants: [
    {
      keywords: ['fastly'],
      pattern: keyedSecret(NAME, String.raw`[A-Za-z0-9_-]{32}`),
      nextLine: true,
      minEntropy: 3.5,
      placeholders: 'loose',
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['fastly'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[A-Za-z0-9_-]{32})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.5,
      placeholders: 'loose',
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Fastly',
    url: 'https://manage.fastly.com/account/personal/tokens',
    steps: [
      'In Account → Personal API tokens (or an admin under Account → API tokens), delete the token.',
      "Review the account's event log for service, configuration and purge changes since the commit.",
      'Create a replacement scoped to the services and scope it needs (purge_select, global:read), with an expiry, and store it as a secret.',
    ],
  },
});
