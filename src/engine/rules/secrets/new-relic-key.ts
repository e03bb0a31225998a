import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

const NAMES = ['newrelic', 'new_relic', 'new-relic', 'new relic'];
const UNPREFIXED = '[A-Za-z0-9]{64}|[a-f0-9]{40}|[A-Za-z0-9_.]{4}-[A-Za-z0-9_.]{42}';

export default defineSecretRuleSet({
  id: 'secrets/new-relic-key',
  description: 'New Relic user, ingest, license or insights key',
  severity: 'high',
  variants: [
    {
      keywords: ['nrak-', 'nrjs-', 'nrbr-', 'nrii-', 'nriq-'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>NRAK-[A-Za-z0-9]{27}|NR(?:JS|BR)-[a-f0-9]{19}|NRI[IQ]-[A-Za-z0-9_-]{25,32})(?![A-Za-z0-9_-])/g,
      minEntropy: 3,
    },
    {
      // License keys end in `NRAL`, mobile app tokens in `-NRMA`; EU ones start `eu01xx`.
      keywords: ['nral', '-nrma'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>(?:[0-9a-f]{32}|eu01xx[0-9a-f]{26})[0-9a-fA-F]{4}NRAL|(?:AA[0-9a-f]{40}|eu01xx[0-9a-f]{36})-NRMA)(?![A-Za-z0-9_-])/g,
      minEntropy: 3,
    },
    {
      // Legacy 40-hex license keys and other unprefixed keys.
      keywords: NAMES,
      pattern: keyedSecret(credentialNamed(NAMES), UNPREFIXED),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
      validate: (s) => charClasses(s) >= 2,
    },
    {
      // The same under the provider as the parent key (`newrelic:\n  license_key: …`, `[newrelic]\nlicense_key = …`).
      keywords: NAMES,
      pattern: nestedSecret(NAMES, UNPREFIXED),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'New Relic',
    url: 'https://one.newrelic.com/api-keys',
    steps: [
      'In the API keys UI, delete the user key or rotate the ingest/license key (license keys: create a new one, move agents to it, then delete the old one).',
      'Review NerdGraph audit events for changes since it was committed.',
      'Store the new key as a secret and load it at run time.',
    ],
  },
});
