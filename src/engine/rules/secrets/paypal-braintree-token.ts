import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { nameOf, namesAnIdentifier } from './lib/assignment.js';
import { charClasses } from '../../entropy.js';

/**
 * Braintree gateway access tokens (`access_token$production$<merchant>$<hex>`), and — next to their
 * names — Braintree private keys and PayPal REST client secrets, which have no prefix.
 */
export default defineSecretRuleSet({
  id: 'secrets/paypal-braintree-token',
  description: 'PayPal / Braintree access token, private key or client secret',
  severity: 'critical',
  variants: [
    {
      keywords: ['access_token$'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})(?![A-Za-z0-9])/g,
      minEntropy: 3,
    },
    {
      keywords: ['braintree'],
      pattern: keyedSecret(credentialNamed(['braintree']), '[0-9a-f]{32}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
    {
      // Under a parent key named after the provider (`braintree:\n  api_key: …`, `[braintree]\ntoken = …`).
      keywords: ['braintree'],
      pattern: nestedSecret(['braintree'], '[0-9a-f]{32}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
    {
      keywords: ['paypal'],
      pattern: keyedSecret(credentialNamed(['paypal']), '[A-Za-z0-9_.-]{44,80}'),
      nextLine: true,
      minEntropy: 4,
      confidence: 'medium',
      validate: (s, m) => charClasses(s) >= 3 && !namesAnIdentifier(nameOf(m, s)),
    },
    {
      // Under a parent key named after the provider (`paypal:\n  api_key: …`, `[paypal]\ntoken = …`).
      keywords: ['paypal'],
      pattern: nestedSecret(['paypal'], '[A-Za-z0-9_.-]{44,80}'),
      nextLine: true,
      minEntropy: 4,
      confidence: 'medium',
      validate: (s, m) => charClasses(s) >= 3 && !namesAnIdentifier(nameOf(m, s)),
    },
  ],
  revoke: {
    provider: 'PayPal / Braintree',
    url: 'https://developer.paypal.com/dashboard/applications',
    steps: [
      'Braintree: in the Control Panel → Settings → API, generate a new key pair and delete the leaked private key; revoke a leaked access token from the partner/OAuth settings.',
      'PayPal REST: in the Developer Dashboard open the app, generate a new secret and disable the old one.',
      'Review transactions and refunds for activity you did not initiate.',
      'Store the new credentials in a secret manager and load them at run time.',
    ],
  },
});
