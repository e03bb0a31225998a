import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/harness-token',
  description: 'Harness personal access token or service account token',
  severity: 'high',
  keywords: ['pat.', 'sat.'],
  // pat|sat . <22 account id> . <24 token id> . <20 secret>
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>[ps]at\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20})(?![A-Za-z0-9_.-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Harness',
    url: 'https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/',
    steps: [
      'Delete the token: a personal access token under your profile → My API Keys; a service account token under Account settings → Access control → Service accounts.',
      'Review the audit trail for pipeline, connector and secret changes made with it since it was committed.',
      'Create a replacement on a service account with the least role bindings and an expiry, stored in your CI secret store.',
    ],
  },
});
