import { defineSecretRuleSet } from './lib/rule-set.js';

/**
 * Freemius (WordPress plugin licensing) secret keys are `sk_` + 29 printable characters. The Freemius SDK
 * puts them in the `secret_key` entry of the `fs_dynamic_init()` array in a plugin's PHP; that `=>` entry
 * is what is matched (the public key beside it is `pk_`).
 */

export default defineSecretRuleSet({
  id: 'secrets/freemius-secret-key',
  description: 'Freemius secret key',
  severity: 'high',
  variants: [
    {
      keywords: ['secret_key'],
      pattern: /["']secret_key["']\s{0,4}=>\s{0,4}(["'])(?<secret>sk_[^\s"'\\]{29})\1/g,
      minEntropy: 3.5,
    },
  ],
  revoke: {
    provider: 'Freemius',
    url: 'https://dashboard.freemius.com/',
    steps: [
      'In the Freemius developer dashboard → the product → Settings → Keys, regenerate the secret key.',
      'Remove the secret key from the shipped plugin (it is only needed in development builds), and review licenses and deployments since the commit.',
    ],
  },
});
