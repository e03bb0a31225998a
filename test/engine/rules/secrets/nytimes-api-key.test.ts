import rule from '../../../../src/engine/rules/secrets/nytimes-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM } from '../../../helpers/tokens.js';

const key = rand(32, ALNUM, 'nytimes');

ruleTester(rule, {
  valid: [`api_key = "${key}"`, `anytime_key = "${key}"`, `NYT_API_KEY=${rand(31, ALNUM, 'n')}`, `NYT_API_KEY=\${NYT_API_KEY}`, `nytimes_section = "${key}"`],
  invalid: [
    { code: `NYT_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `nytimes_api_key = "${key}"`, path: 'news.py', secret: key },
    { code: `const newYorkTimesApiKey = '${key}';`, path: 'news.ts', secret: key },
    { code: `nytimes:\n  key: ${key}`, path: 'config.yml', secret: key },
    { code: `{"nytimesKey": "${key}"}`, path: 'keys.json', secret: key },
  ],
});
