import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { nameOf, namesAnIdentifier } from './lib/assignment.js';

export default defineSecretRuleSet({
  id: 'secrets/facebook-app-secret',
  description: 'Facebook / Meta app secret',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['facebook', 'fb_', 'fb-'],
      pattern: keyedSecret(credentialNamed(['facebook', 'fb_', 'fb-']), '[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s, m) => /\d/.test(s) && /[a-zA-Z]/.test(s) && !namesAnIdentifier(nameOf(m, s)),
    },
    {
      // Under a parent key named after the provider (`facebook:\n  api_key: …`, `[facebook]\ntoken = …`).
      keywords: ['facebook', 'fb_', 'fb-'],
      pattern: nestedSecret(['facebook', 'fb_', 'fb-'], '[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s, m) => /\d/.test(s) && /[a-zA-Z]/.test(s) && !namesAnIdentifier(nameOf(m, s)),
    },
  ],
  revoke: {
    provider: 'Meta',
    url: 'https://developers.facebook.com/apps/',
    steps: [
      'In the App Dashboard → App settings → Basic, reset the App Secret (this also invalidates app access tokens).',
      "Review the app's activity and webhooks for requests you did not make.",
      'Store the new secret as a secret and load it at run time.',
    ],
  },
});
