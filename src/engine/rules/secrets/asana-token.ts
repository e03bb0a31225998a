import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

/**
 * Personal access tokens (`2/<user>/<app>:<32 hex>`, legacy `0/<32 hex>`) and client secrets. Neither
 * has a literal prefix, so they count on a line that names Asana.
 */
export default defineSecretRuleSet({
  id: 'secrets/asana-token',
  description: 'Asana personal access token or client secret',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['asana'],
      pattern: /(?<![A-Za-z0-9_/])(?<secret>\d{1,16}\/\d{16,64}(?:\/\d{16,64})?:[A-Za-z0-9]{32,80}|0\/[0-9a-f]{32})(?![A-Za-z0-9_/])/g,
      nextLine: true,
      minEntropy: 3,
    },
    {
      keywords: ['asana'],
      pattern: keyedSecret(credentialNamed(['asana']), '[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
    },
    {
      // Under a parent key named after the provider (`asana:\n  api_key: …`, `[asana]\ntoken = …`).
      keywords: ['asana'],
      pattern: nestedSecret(['asana'], '[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Asana',
    url: 'https://app.asana.com/0/my-apps',
    steps: [
      "In the developer console (My apps), revoke the personal access token, or reset the app's client secret.",
      'Review the workspace for changes and exports since it was committed.',
      'Create a replacement and store it as a secret.',
    ],
  },
});
