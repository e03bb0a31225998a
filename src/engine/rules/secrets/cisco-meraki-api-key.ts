import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Cisco Meraki Dashboard API keys are 40 lower-case hex characters. They carry their owner's organization
 * access, and count next to Meraki's name: `MERAKI_DASHBOARD_API_KEY` (the Python SDK's variable),
 * `X-Cisco-Meraki-API-Key: …` (the API's header), `meraki_api_key` in Terraform and Ansible.
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['meraki']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('meraki')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/cisco-meraki-api-key',
  description: 'Cisco Meraki Dashboard API key',
  severity: 'high',
  variants: [
    {
      keywords: ['meraki'],
      pattern: keyedSecret(NAME, String.raw`[a-f0-9]{40}`),
      nextLine: true,
      minEntropy: 3.2,
    },
    {
      keywords: ['meraki'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[a-f0-9]{40})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.2,
    },
  ],
  revoke: {
    provider: 'Cisco Meraki',
    url: 'https://documentation.meraki.com/General_Administration/Other_Topics/Cisco_Meraki_Dashboard_API',
    steps: [
      'In the Dashboard, My Profile → API access: revoke the key (an admin can do it for another admin under Organization → Administrators).',
      'Review the organization change log for changes made through the API since the commit.',
      'Generate a replacement for a dedicated, least-privileged admin account and store it as a secret.',
    ],
  },
});
