import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

// Jenkins ≥ 2.129 tokens: `11` + 32 hex; older ones 32 hex.
const TOKEN = '(?:11[a-f0-9]{32}|[a-f0-9]{32})';

export default defineSecretRuleSet({
  id: 'secrets/jenkins-api-token',
  description: 'Jenkins user API token',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      // `https://user:<token>@jenkins.example.com/…`
      keywords: ['jenkins'],
      pattern: new RegExp(`://[\\w.%+-]{1,64}:(?<secret>${TOKEN})@[\\w.-]{0,100}?jenkins`, 'gi'),
      minEntropy: 3,
      confidence: 'high',
    },
    {
      keywords: ['jenkins'],
      pattern: assignment(credentialName(['jenkins'], ['token', 'key', 'secret', 'auth', 'password', 'pass']), TOKEN),
      nextLine: true,
      minEntropy: 3,
    },
    {
      // Under a parent key named after the provider (`jenkins:\n  api_key: …`, `[jenkins]\ntoken = …`).
      keywords: ['jenkins'],
      pattern: nestedSecret(['jenkins'], TOKEN, { words: ['token', 'key', 'secret', 'auth', 'password', 'pass'] }),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Jenkins',
    url: 'https://www.jenkins.io/doc/book/security/access-control/',
    steps: [
      'Revoke the token on the owner’s user page → Security → API Token (administrators can see and revoke tokens of all users).',
      'Review the Jenkins audit trail / job history for builds, script-console use and credential reads since it was committed.',
      'Create a replacement for a dedicated, least-privilege user and store it in your CI secret store.',
    ],
  },
});
