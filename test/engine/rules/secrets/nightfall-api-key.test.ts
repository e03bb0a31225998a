import rule from '../../../../src/engine/rules/secrets/nightfall-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, UPPER_ALNUM } from '../../../helpers/tokens.js';

const key = cat('NF', '-', rand(32, ALNUM, 'nightfall'));

ruleTester(rule, {
  valid: [`conf-${rand(32, ALNUM, 'a')}`, `id = "NF-${rand(32, UPPER_ALNUM, 'b')}"`, `NIGHTFALL_API_KEY=\${NIGHTFALL_API_KEY}`, `key = "NF-${rand(31, ALNUM, 'c')}"`],
  invalid: [
    { code: `NIGHTFALL_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `nightfall = Nightfall(key="${key}")`, path: 'dlp.py', secret: key },
    { code: `curl -H "Authorization: Bearer ${key}" https://api.nightfall.ai/v3/scan`, path: 'scan.sh', secret: key },
  ],
});
