import { defineSecretRule } from './define.js';
import { charClasses } from '../../entropy.js';

/** Cloud access policy tokens (`glc_`), service-account tokens (`glsa_`) and legacy API keys (`eyJrIjoi…`). */
export default defineSecretRule({
  id: 'secrets/grafana-token',
  description: 'Grafana Cloud token, service account token or API key',
  severity: 'high',
  keywords: ['glc_', 'glsa_', 'eyjrijoi'],
  pattern: /(?<![A-Za-z0-9+/_-])(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9_]{41}|eyJrIjoi[A-Za-z0-9+/]{40,400}={0,2})(?![A-Za-z0-9+/=_-])/g,
  minEntropy: 3.5,
  validate: (s) => charClasses(s.replace(/^(?:glc_|glsa_)/, '')) >= 2,
  revoke: {
    provider: 'Grafana',
    url: 'https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/',
    steps: [
      'Grafana Cloud tokens: in the Cloud Portal → Access Policies, delete the token. Service-account tokens and API keys: in the Grafana instance → Administration → Service accounts, delete the token.',
      'Review the instance for dashboards, data sources or alert rules changed since it was committed.',
      'Create a replacement with the narrowest scopes and an expiry, and store it as a secret.',
    ],
  },
});
