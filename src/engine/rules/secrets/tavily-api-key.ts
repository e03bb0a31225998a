import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * Tavily search API keys: `tvly-` (Tavily's docs: "Keys start with `tvly-`"), then the key type on newer
 * keys (`dev-`, `prod-`) and a random body of letters, digits and URL-safe `-`/`_` (32 characters on
 * older keys, about 48 on newer ones). The docs' `tvly-YOUR_API_KEY` is too short and all one case.
 */
const rule = defineSecretRule({
  id: 'secrets/tavily-api-key',
  description: 'Tavily API key',
  severity: 'high',
  keywords: ['tvly-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>tvly-(?:(?:dev|prod)-)?[A-Za-z0-9_-]{32,64})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.8,
  // A random body mixes upper case, lower case and digits; a placeholder sentence does not.
  validate: (s) => {
    const body = s.replace(/^tvly-(?:(?:dev|prod)-)?/, '');
    return /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body);
  },
  revoke: {
    provider: 'Tavily',
    url: 'https://app.tavily.com/',
    steps: [
      'On the Tavily Platform (app.tavily.com), in the API Keys card of the Overview page, delete the key.',
      'Check the usage and credits spent since the commit: searches are billed to the account.',
      'Create a replacement and store it as a server-side secret (TAVILY_API_KEY from a secret store).',
    ],
  },
});

export default refine(rule, (raw) => (raw.secret?.startsWith('tvly-dev-') ? { ...raw, severity: 'medium', message: 'Tavily development API key committed to the repository.' } : raw));
