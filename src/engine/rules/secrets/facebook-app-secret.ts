import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { nameOf, namesAnIdentifier } from './lib/assignment.js';

/**
 * A client token (`facebook_client_token`, `FacebookClientToken`): Meta issues it to be embedded in native and
 * desktop apps beside the app id, for calls a shipped app may make; it is not the app secret.
 */
const CLIENT_TOKEN = /client[_-]?token/i;

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
      validate: (s, m) => /\d/.test(s) && /[a-zA-Z]/.test(s) && !namesAnIdentifier(nameOf(m, s)) && !CLIENT_TOKEN.test(nameOf(m, s)),
    },
    {
      // Under a parent key named after the provider (`facebook:\n  api_key: …`, `[facebook]\ntoken = …`).
      keywords: ['facebook', 'fb_', 'fb-'],
      pattern: nestedSecret(['facebook', 'fb_', 'fb-'], '[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s, m) => /\d/.test(s) && /[a-zA-Z]/.test(s) && !namesAnIdentifier(nameOf(m, s)) && !CLIENT_TOKEN.test(nameOf(m, s)),
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
