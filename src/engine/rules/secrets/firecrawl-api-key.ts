import { defineSecretRule } from './define.js';

/**
 * Firecrawl API keys: `fc-` and 32 lower-case hex digits (Firecrawl's docs: "Authorization: Bearer
 * fc-YOUR-API-KEY"; keys start with `fc-`). A key has full access to the team that owns it.
 * FullCalendar's `fc-` CSS classes are words, never 32 hex digits.
 */
export default defineSecretRule({
  id: 'secrets/firecrawl-api-key',
  description: 'Firecrawl API key',
  severity: 'high',
  keywords: ['fc-'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>fc-[0-9a-f]{32})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.2,
  validate: (s) => /[a-f]/.test(s.slice(3)) && /[0-9]/.test(s.slice(3)),
  revoke: {
    provider: 'Firecrawl',
    url: 'https://www.firecrawl.dev/app/api-keys',
    steps: [
      'In the Firecrawl dashboard → API Keys, delete the key.',
      'Check the team’s usage and credits since the commit: scrapes and crawls are billed to the team.',
      'Create a replacement, restrict it where the key settings allow, and store it as a server-side secret.',
    ],
  },
});
