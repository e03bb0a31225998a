import rule from '../../../../src/engine/rules/secrets/firecrawl-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, HEX, cat, rand } from '../../../helpers/tokens.js';

const key = cat('fc', '-', rand(32, HEX, 'fc'));

ruleTester(rule, {
  valid: [
    'Authorization: Bearer fc-123456789', // the docs' example
    'firecrawl = Firecrawl(api_key="fc-YOUR-API-KEY")',
    `FIRECRAWL_API_KEY=${cat('fc', '-', '0'.repeat(32))}`,
    `FIRECRAWL_API_KEY=${cat('fc', '-', rand(24, HEX, 'short'))}`,
    `FIRECRAWL_API_KEY=${cat('fc', '-', rand(32, ALNUM, 'mixed'))}`, // the body is lower-case hex
    `FIRECRAWL_API_KEY=${cat('fc', '-', rand(40, HEX, 'long'))}`,
    `<div class="fc-event fc-daygrid-event fc-${rand(32, HEX, 'css').replace(/[0-9]/g, 'a')}">`,
    `const id = "abc-${cat('fc', '-', rand(32, HEX, 'inner'))}";`,
    'const app = new FirecrawlApp({ apiKey: process.env.FIRECRAWL_API_KEY });',
  ],
  invalid: [
    { code: `FIRECRAWL_API_KEY=${key}`, secret: key, path: '.env' },
    { code: `app = FirecrawlApp(api_key="${key}")`, secret: key, path: 'scrape.py' },
    { code: `const firecrawl = new Firecrawl({ apiKey: '${key}' });`, secret: key, path: 'crawl.ts' },
    { code: `curl -H 'Authorization: Bearer ${key}' https://api.firecrawl.dev/v2/scrape`, secret: key, path: 'scrape.sh' },
  ],
});
