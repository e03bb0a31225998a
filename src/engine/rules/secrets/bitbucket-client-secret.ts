import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

const WORDS = ['token', 'secret', 'key', 'password', 'pass', 'pwd', 'auth', 'client', 'consumer', 'credential'];

/**
 * Bitbucket OAuth consumer keys/secrets (and tokens pasted as such) have no prefix: 32 alphanumerics,
 * or 64 base64url-ish characters, next to a Bitbucket credential name.
 */
export default defineSecretRuleSet({
  id: 'secrets/bitbucket-client-secret',
  description: 'Bitbucket OAuth consumer key or secret assigned to a Bitbucket-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['bitbucket'],
      pattern: assignment(credentialName(['bitbucket'], WORDS), '(?:[A-Za-z0-9]{32}|[A-Za-z0-9=_-]{64})'),
      nextLine: true,
      minEntropy: 3.3,
      // Hex digests (commit hashes, checksums) are not credentials; random keys are not pure hex.
      validate: (s) => !/^[0-9a-f]+$/i.test(s) && charClasses(s.replace(/[=_-]/g, '')) >= 2,
    },
    {
      // Under a parent key named after the provider (`bitbucket:\n  api_key: …`, `[bitbucket]\ntoken = …`).
      keywords: ['bitbucket'],
      pattern: nestedSecret(['bitbucket'], '(?:[A-Za-z0-9]{32}|[A-Za-z0-9=_-]{64})', { words: WORDS }),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => !/^[0-9a-f]+$/i.test(s) && charClasses(s.replace(/[=_-]/g, '')) >= 2,
    },
  ],
  revoke: {
    provider: 'Bitbucket Cloud',
    url: 'https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/',
    steps: [
      'Open Workspace settings → OAuth consumers, find the consumer, and delete it or regenerate its secret.',
      'Revoke the access tokens the consumer issued (users can revoke it under Personal settings → App authorizations).',
      'Create a replacement consumer with the fewest permissions and keep its secret in a secret store.',
    ],
  },
});
