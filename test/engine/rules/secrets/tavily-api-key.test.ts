import { expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/tavily-api-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { ALNUM, B64URL, HEX, cat, rand } from '../../../helpers/tokens.js';

const legacy = cat('tvly', '-', rand(32, ALNUM, 'tv-old'));
const dev = cat('tvly', '-dev-', rand(48, B64URL, 'tv-dev'));
const prod = cat('tvly', '-prod-', rand(32, ALNUM, 'tv-prod'));

ruleTester(rule, {
  valid: [
    'tavily_client = TavilyClient(api_key="tvly-YOUR_API_KEY")', // the docs' example
    'TAVILY_API_KEY=tvly-...',
    `TAVILY_API_KEY=${cat('tvly', '-dev-', 'votre_cle_tavily')}`,
    `TAVILY_API_KEY=${cat('tvly', '-dev-', 'your_tavily_api_key_goes_right_here')}`, // no digits or capitals
    `TAVILY_API_KEY=${cat('tvly', '-', 'x'.repeat(32))}`,
    `TAVILY_API_KEY=${cat('tvly', '-', rand(20, ALNUM, 'short'))}`,
    `TAVILY_API_KEY=${cat('tvly', '-', rand(32, HEX, 'hex').toLowerCase())}`, // one case and digits only
    `const k = "${cat('xtvly', '-', rand(32, ALNUM, 'glued'))}";`,
    'const tavily = new TavilyClient({ apiKey: process.env.TAVILY_API_KEY });',
  ],
  invalid: [
    { code: `TAVILY_API_KEY=${legacy}`, secret: legacy, path: '.env' },
    { code: `tavily = TavilyClient(api_key="${dev}")`, secret: dev, path: 'agent.py' },
    { code: `const client = tavily({ apiKey: '${prod}' });`, secret: prod, path: 'search.ts' },
    { code: `curl -H "Authorization: Bearer ${legacy}" https://api.tavily.com/search`, secret: legacy, path: 'search.sh' },
  ],
});

it('grades a development key medium', () => {
  expect(runRule(rule, { code: `k = "${dev}"` })[0]!.severity).toBe('medium');
  expect(runRule(rule, { code: `k = "${prod}"` })[0]!.severity).toBe('high');
});
