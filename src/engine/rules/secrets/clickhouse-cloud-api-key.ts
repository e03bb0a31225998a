import { defineSecretRule } from './define.js';

/** ClickHouse Cloud API key secrets start `4b1d` and carry 38 alphanumerics after it. */
export default defineSecretRule({
  id: 'secrets/clickhouse-cloud-api-key',
  description: 'ClickHouse Cloud API key secret',
  severity: 'high',
  keywords: ['4b1d'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>4b1d[A-Za-z0-9]{38})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'ClickHouse Cloud',
    url: 'https://clickhouse.cloud/',
    steps: [
      'In the ClickHouse Cloud console → Organization → API Keys, delete the key.',
      'Review the organization activity log for changes made with it since it was committed.',
      'Create a replacement with the narrowest role and an expiry, and store it as a secret.',
    ],
  },
});
