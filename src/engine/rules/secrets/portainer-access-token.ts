import { defineSecretRuleSet } from './lib/rule-set.js';
import { charClasses } from '../../entropy.js';

/**
 * Portainer API access tokens are `ptr_` followed by 32 random bytes in base64 (43 characters and `=`, or 44 unpadded), sent in
 * the `X-API-Key` header.
 */

export default defineSecretRuleSet({
  id: 'secrets/portainer-access-token',
  description: 'Portainer API access token',
  severity: 'high',
  variants: [
    {
      keywords: ['ptr_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>ptr_[A-Za-z0-9+/_-]{43}(?:=|[A-Za-z0-9+/_-])?)(?![A-Za-z0-9+/_=-])/g,
      minEntropy: 4,
      validate: (s) => charClasses(s.slice(4)) >= 3,
    },
  ],
  revoke: {
    provider: 'Portainer',
    url: 'https://docs.portainer.io/api/access',
    steps: [
      'In Portainer → My account → Access tokens, remove the token.',
      'Review the activity log for stacks, containers and users changed since the commit (the token can control every environment its user can).',
      'Create a replacement for a dedicated user with the narrowest role, and store it as a secret.',
    ],
  },
});
