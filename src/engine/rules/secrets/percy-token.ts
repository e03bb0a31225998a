import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** Percy project tokens: 64 hex, optionally with a web_/app_/auto_/ss_/vmw_ prefix, next to PERCY_TOKEN. */
export default defineSecretRuleSet({
  id: 'secrets/percy-token',
  description: 'Percy (BrowserStack) project token assigned to a Percy-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['percy'],
      pattern: assignment(credentialName(['percy'], ['token', 'key', 'secret', 'auth']), '(?:(?:web|app|auto|ss|vmw)_)?[a-fA-F0-9]{64}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[a-f]/i.test(s) && /[0-9]/.test(s),
    },
    {
      // Under a parent key named after the provider (`percy:\n  api_key: …`, `[percy]\ntoken = …`).
      keywords: ['percy'],
      pattern: nestedSecret(['percy'], '(?:(?:web|app|auto|ss|vmw)_)?[a-fA-F0-9]{64}', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[a-f]/i.test(s) && /[0-9]/.test(s),
    },
  ],
  revoke: {
    provider: 'Percy (BrowserStack)',
    url: 'https://www.browserstack.com/docs/percy/get-started/set-env-var',
    steps: [
      'Regenerate the project token under the Percy project’s Project settings → Tokens.',
      'Check the project for builds and snapshots you did not upload.',
      'Store the replacement as a CI secret (PERCY_TOKEN).',
    ],
  },
});
