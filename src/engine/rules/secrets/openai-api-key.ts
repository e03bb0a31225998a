import { defineSecretRule } from './define.js';

/**
 * Every OpenAI key format (legacy `sk-`, `sk-proj-`, `sk-svcacct-`, `sk-admin-`) embeds `T3BlbkFJ`,
 * base64 of "OpenAI": the keyword, and what separates keys from other `sk-` strings.
 */
export default defineSecretRule({
  id: 'secrets/openai-api-key',
  description: 'OpenAI API key (user, project, service account or admin)',
  severity: 'critical',
  keywords: ['t3blbkfj'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-[A-Za-z0-9_-]{16,120}?T3BlbkFJ[A-Za-z0-9_-]{16,120})(?![A-Za-z0-9_-])/g,
  minEntropy: 4,
  revoke: {
    provider: 'OpenAI',
    url: 'https://platform.openai.com/api-keys',
    steps: [
      "Delete the key under API keys (project keys in the project's settings; admin keys under Organization → Admin keys).",
      'Check Usage for spend you did not cause and set a budget limit on the project.',
      'Create a replacement in a dedicated project with restricted permissions and store it as a secret.',
    ],
  },
});
