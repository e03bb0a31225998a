import { defineSecretRule } from './define.js';

/** Doppler tokens: dp.pt. personal, dp.ct. CLI, dp.st.[config.] service, dp.sa. service account, dp.scim., dp.audit. */
export default defineSecretRule({
  id: 'secrets/doppler-token',
  description: 'Doppler personal, CLI, service, service-account, SCIM or audit token',
  severity: 'critical',
  keywords: ['dp.pt.', 'dp.ct.', 'dp.st.', 'dp.sa.', 'dp.scim.', 'dp.audit.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>dp\.(?:pt|ct|sa|scim|audit|st(?:\.[a-z0-9_-]{2,35})?)\.[A-Za-z0-9]{40,44})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Doppler',
    url: 'https://docs.doppler.com/docs/token-formats',
    steps: [
      'Revoke it in the Doppler dashboard: personal and CLI tokens under Account → Tokens, service tokens under the project config’s Access tab, service-account tokens under Team → Service Accounts.',
      'Review the workplace activity log for secrets read with it since it was committed, and rotate those secrets.',
      'Issue a read-only service token scoped to the one config the workload needs, and inject it from your CI’s secret store.',
    ],
  },
});
