import { defineSecretRule } from './define.js';

/**
 * StackHawk API keys (HawkScan's `HAWK_API_KEY` / `API_KEY`): `hawk.`, 20 characters, `.`, 20 characters,
 * as StackHawk's docs write them (`hawk.xxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxx`). A key reads and
 * changes the organization's applications, scan results and settings.
 */
export default defineSecretRule({
  id: 'secrets/stackhawk-api-key',
  description: 'StackHawk API key',
  severity: 'high',
  keywords: ['hawk.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>hawk\.[A-Za-z0-9_-]{20}\.[A-Za-z0-9_-]{20})(?![A-Za-z0-9_.-])/g,
  minEntropy: 3.8,
  // Random halves mix cases and digits; `hawk.<name>.<name>` package or host names do not.
  validate: (s) => {
    const body = s.slice(5);
    return /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body);
  },
  revoke: {
    provider: 'StackHawk',
    url: 'https://app.stackhawk.com/settings/apikeys',
    steps: [
      'In StackHawk → Settings → API Keys, delete the key.',
      'Review the organization’s applications, environments and scan settings for changes since the commit.',
      'Create a replacement and pass it to HawkScan from a CI secret (HAWK_API_KEY), never in stackhawk.yml.',
    ],
  },
});
