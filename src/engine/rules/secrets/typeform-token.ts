import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

export default defineSecretRuleSet({
  id: 'secrets/typeform-token',
  description: 'Typeform personal access token',
  severity: 'high',
  variants: [
    {
      keywords: ['tfp_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>tfp_[A-Za-z0-9_.=-]{40,64})(?![A-Za-z0-9_.=-])/g,
      minEntropy: 3.5,
    },
    {
      // Tokens issued before the `tfp_` prefix: 44 alphanumerics.
      keywords: ['typeform'],
      pattern: keyedSecret(credentialNamed(['typeform']), '[A-Za-z0-9]{44}'),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'medium',
      validate: (s) => charClasses(s) >= 2,
    },
    {
      // Under a parent key named after the provider (`typeform:\n  api_key: …`, `[typeform]\ntoken = …`).
      keywords: ['typeform'],
      pattern: nestedSecret(['typeform'], '[A-Za-z0-9]{44}'),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'medium',
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Typeform',
    url: 'https://admin.typeform.com/user/tokens',
    steps: [
      'In Account → Personal tokens, delete the token.',
      'Review the forms and responses the token could read or change.',
      'Create a replacement with the fewest scopes and store it as a secret.',
    ],
  },
});
