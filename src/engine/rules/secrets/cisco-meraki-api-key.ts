import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Cisco Meraki Dashboard API keys are 40 lower-case hex characters. They carry their owner's organization
 * access, and count next to Meraki's name: `MERAKI_DASHBOARD_API_KEY` (the Python SDK's variable),
 * `X-Cisco-Meraki-API-Key: …` (the API's header), `meraki_api_key` in Terraform and Ansible.
 */
export default defineSecretRuleSet({
  id: 'secrets/cisco-meraki-api-key',
  description: 'Cisco Meraki Dashboard API key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['meraki'], {
      keywords: ['meraki'],
      value: String.raw`[a-f0-9]{40}`,
      minEntropy: 3.2,
    }),
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
