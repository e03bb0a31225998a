import { defineSecretRuleSet } from './lib/rule-set.js';

/**
 * Voiceflow Dialog Manager API keys are `VF.DM.` + 24 hex (the key id) + `.` + 16 alphanumerics; workspace
 * keys use `VF.WS.` the same way.
 */

export default defineSecretRuleSet({
  id: 'secrets/voiceflow-api-key',
  description: 'Voiceflow API key',
  severity: 'high',
  variants: [
    {
      keywords: ['vf.dm.', 'vf.ws.'],
      pattern: /(?<![A-Za-z0-9_.])(?<secret>VF\.(?:DM|WS)\.[a-f0-9]{24}\.[A-Za-z0-9]{16})(?![A-Za-z0-9_])/g,
      minEntropy: 3.5,
    },
  ],
  revoke: {
    provider: 'Voiceflow',
    url: 'https://docs.voiceflow.com/',
    steps: [
      'In the Voiceflow agent → Integrations → API keys (or workspace settings for a VF.WS key), regenerate the key.',
      'Review transcripts and project changes made with the key since the commit.',
      'Store the new key as a secret.',
    ],
  },
});
