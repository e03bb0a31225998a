import { defineSecretRule } from './define.js';

/**
 * dbt Cloud (dbt platform) API tokens: personal access tokens `dbtu_` and service account tokens `dbtc_`,
 * then some fifty letters, digits and `_` (the shapes seen in use are 50). dbt documents no length, so the
 * body is taken from 40 to 64 characters; the prefix and mixed case carry the rule, and a made-up body
 * (`dbtu_YOUR_API_TOKEN_HERE`, `dbtc_test_token`) is too short, too plain or a placeholder.
 */
export default defineSecretRule({
  id: 'secrets/dbt-cloud-token',
  description: 'dbt Cloud API token (personal access or service account)',
  severity: 'high',
  keywords: ['dbtu_', 'dbtc_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>dbt[uc]_[A-Za-z0-9_-]{40,64})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  validate: (s) => /[a-z]/.test(s.slice(5)) && /[A-Z]/.test(s) && /\d/.test(s),
  revoke: {
    provider: 'dbt Labs',
    url: 'https://docs.getdbt.com/docs/dbt-cloud-apis/authentication',
    steps: [
      'Delete the token: a personal access token under Account settings → API tokens → Personal tokens (its owner), a service token under Account settings → Service tokens (an account admin).',
      'Review the account’s audit log for API calls made with it since the commit: job runs, environment and connection changes, Semantic Layer queries.',
      'Create a new service token with only the permission sets the integration needs, stored in the CI secret store or a secrets manager.',
    ],
  },
});
