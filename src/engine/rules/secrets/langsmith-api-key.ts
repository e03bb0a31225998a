import { defineSecretRule } from './define.js';

/** LangSmith (LangChain) API keys: `lsv2_pt_` (personal) or `lsv2_sk_` (service), 32 hex, `_`, 10 hex. */
export default defineSecretRule({
  id: 'secrets/langsmith-api-key',
  description: 'LangSmith personal access token or service key',
  severity: 'high',
  keywords: ['lsv2_pt_', 'lsv2_sk_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10})(?![A-Za-z0-9_-])/g,
  minEntropy: 3,
  revoke: {
    provider: 'LangSmith',
    url: 'https://smith.langchain.com/settings',
    steps: [
      'In LangSmith → Settings → API Keys, delete the key.',
      'Review the traces and datasets the key could read (they often hold prompts and user data).',
      'Create a replacement (a service key for services) and store it as a secret.',
    ],
  },
});
