import { defineSecretRuleSet } from './lib/rule-set.js';

/**
 * Authress service client access keys are four dot-separated parts: the client (`sc_…`, or `ext_`, `scauth_`,
 * `authress_` for older kinds), the key id, the account (`acc_…`) and a base64 Ed25519 private key. The shape
 * is distinctive on its own.
 */

export default defineSecretRuleSet({
  id: 'secrets/authress-service-client-access-key',
  description: 'Authress service client access key',
  severity: 'high',
  variants: [
    {
      keywords: ['.acc_', '.acc-'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\.[a-z0-9]{4,6}\.acc[_-][a-z0-9-]{10,32}\.[A-Za-z0-9+/_=-]{30,120})(?![A-Za-z0-9+/_=-])/g,
      minEntropy: 3.5,
    },
  ],
  revoke: {
    provider: 'Authress',
    url: 'https://authress.io/app/#/settings?focus=clients',
    steps: [
      'In the Authress management portal → Service clients, delete the leaked access key of the client.',
      'Review the access records and audit log for calls the client made since the commit.',
      'Create a new access key for the client and store it as a secret.',
    ],
  },
});
