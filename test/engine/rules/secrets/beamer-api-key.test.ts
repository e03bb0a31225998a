import rule from '../../../../src/engine/rules/secrets/beamer-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const key = cat('b', '_', rand(44, B64URL, 'beamer'));

ruleTester(rule, {
  valid: [`api_key = "${key}"`, `BEAMER_API_KEY=b_${rand(43, B64URL, 'b')}`, `BEAMER_API_KEY=\${BEAMER_API_KEY}`, `beamer_product_id = "${key}"`, `BEAMER_API_KEY=${rand(46, B64URL, 'c')}`],
  invalid: [
    { code: `BEAMER_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `curl -H "Beamer-Api-Key: ${key}" https://api.getbeamer.com/v0/posts`, path: 'post.sh', secret: key },
    { code: `beamer:\n  api_key: "${key}"`, path: 'config.yml', secret: key },
    { code: `const beamerApiKey = '${key}';`, path: 'changelog.ts', secret: key },
  ],
});
