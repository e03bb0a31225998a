import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Finnhub API keys are 20 lower-case alphanumerics (sandbox keys add `sandbox_`), passed as `token=` or the
 * `X-Finnhub-Token` header. They count next to Finnhub's name, or as the `token` of a finnhub.io URL.
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['finnhub']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('finnhub')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/finnhub-api-key',
  description: 'Finnhub API key',
  severity: 'high',
  variants: [
    {
      keywords: ['finnhub'],
      pattern: keyedSecret(NAME, String.raw`(?:sandbox_)?[a-z0-9]{20}`),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s.replace('sandbox_', '')),
    },
    {
      keywords: ['finnhub'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>(?:sandbox_)?[a-z0-9]{20})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s.replace('sandbox_', '')),
    },
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
