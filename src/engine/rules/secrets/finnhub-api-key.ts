import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Finnhub API keys are 20 lower-case alphanumerics (sandbox keys add `sandbox_`), passed as `token=` or the
 * `X-Finnhub-Token` header. They count next to Finnhub's name, or as the `token` of a finnhub.io URL.
 */
export default defineSecretRuleSet({
  id: 'secrets/finnhub-api-key',
  description: 'Finnhub API key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['finnhub'], {
      keywords: ['finnhub'],
      value: String.raw`(?:sandbox_)?[a-z0-9]{20}`,
      minEntropy: 3.3,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s.replace('sandbox_', '')),
    }),
    {
      keywords: ['finnhub.io'],
      pattern: /finnhub\.io\/api\/v1\/[\w/-]{0,64}\?[^\s"'#<>]{0,200}?(?<![\w-])token=(?<secret>(?:sandbox_)?[a-z0-9]{20})(?![A-Za-z0-9_-])/g,
      minEntropy: 3.3,
    },
  ],
  revoke: {
    provider: 'Finnhub',
    url: 'https://finnhub.io/dashboard',
    steps: ['In the Finnhub dashboard, regenerate the API key.', "Check usage for calls you did not make (a paid plan's quota can be spent by others).", 'Store the new key as a secret.'],
  },
});
