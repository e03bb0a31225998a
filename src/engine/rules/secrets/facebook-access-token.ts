import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';

/**
 * User and page access tokens (`EAA` + an app-dependent letter + 90+ characters; `EAAA` is Square's) and
 * app access tokens (`<app id>|<secret>`), the latter only next to a Facebook name.
 */
export default defineSecretRuleSet({
  id: 'secrets/facebook-access-token',
  description: 'Facebook / Meta Graph API access token',
  severity: 'high',
  variants: [
    {
      keywords: ['eaa'],
      pattern: /(?<![A-Za-z0-9_+/-])(?<secret>EAA[B-Z][A-Za-z0-9]{90,400})(?![A-Za-z0-9_+/=-])/g,
      minEntropy: 4,
    },
    {
      keywords: ['facebook'],
      pattern: keyedSecret(names('facebook'), '\\d{15,16}(?:\\||%7C)[A-Za-z0-9_-]{27,40}'),
      nextLine: true,
      minEntropy: 3,
    },
    {
      // Under a parent key named after the provider (`facebook:\n  api_key: …`, `[facebook]\ntoken = …`).
      keywords: ['facebook'],
      pattern: nestedSecret(['facebook'], '\\d{15,16}(?:\\||%7C)[A-Za-z0-9_-]{27,40}'),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Meta',
    url: 'https://developers.facebook.com/apps/',
    steps: [
      "User/page tokens: revoke the app's access (Settings → Business integrations, or DELETE /{user-id}/permissions); an app access token is the app secret — reset it under App settings → Basic.",
      'Review the page or account activity for posts and ads you did not make.',
      'Store the new credential as a secret and load it at run time.',
    ],
  },
});
