import rule from '../../../../src/engine/rules/secrets/finnhub-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, LOWER_ALNUM } from '../../../helpers/tokens.js';

const key = cat('c', rand(19, LOWER_ALNUM, 'finnhub'));

ruleTester(rule, {
  valid: [
    `token = "${key}"`,
    `FINNHUB_API_KEY=${rand(19, LOWER_ALNUM, 'f')}`,
    `FINNHUB_API_KEY=\${FINNHUB_API_KEY}`,
    `finnhub_symbol = "${key}"`,
    `fetch("https://finnhub.io/api/v1/quote?symbol=AAPL&token=" + FINNHUB_TOKEN)`,
  ],
  invalid: [
    { code: `FINNHUB_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `finnhub_client = finnhub.Client(api_key="x")\nFINNHUB_TOKEN = "${key}"`, path: 'quotes.py', secret: key },
    { code: `const res = await fetch('https://finnhub.io/api/v1/quote?symbol=AAPL&token=${key}');`, path: 'quote.ts', secret: key },
    { code: `finnhub:\n  api-key: ${key}`, path: 'application.yml', secret: key },
    { code: `{"finnhubKey": "${key}"}`, path: 'env.json', secret: key },
  ],
});
