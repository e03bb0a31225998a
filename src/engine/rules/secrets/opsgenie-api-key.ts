import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Opsgenie API keys (integration and account keys) are UUIDs, sent as `Authorization: GenieKey <key>`. The
 * header's scheme is distinctive; elsewhere the key counts next to Opsgenie's name (`OPSGENIE_API_KEY`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['opsgenie', 'ops_genie']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('opsgenie', 'ops_genie')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/opsgenie-api-key',
  description: 'Opsgenie API key',
  severity: 'high',
  variants: [
    {
      keywords: ['geniekey'],
      pattern: /\b[Gg]enie[Kk]ey[ \t]{1,4}(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/g,
      minEntropy: 3,
    },
    {
      keywords: ['opsgenie', 'ops_genie'],
      pattern: keyedSecret(NAME, String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`),
      nextLine: true,
      minEntropy: 3,
    },
    {
      keywords: ['opsgenie', 'ops_genie'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Opsgenie (Atlassian)',
    url: 'https://support.atlassian.com/opsgenie/docs/api-key-management/',
    steps: [
      "In Opsgenie → Settings → API key management (or the integration's page for an integration key), delete or reset the key.",
      'Review alerts, schedules and on-call changes made through the API since the commit.',
      'Create a replacement with only the rights it needs (create and update alerts) and store it as a secret.',
    ],
  },
});
