import rule from '../../../../src/engine/rules/secrets/jina-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, B64URL, HEX, cat, rand } from '../../../helpers/tokens.js';

const key = cat('jina', '_', rand(32, HEX, 'jh'), rand(28, B64URL, 'jt'));

ruleTester(rule, {
  valid: [
    'JINA_API_KEY=jina_...',
    'embeddings = JinaEmbeddings(jina_api_key=jina_api_key, model_name="jina-embeddings-v3")',
    `JINA_API_KEY=${cat('jina', '_', 'x'.repeat(60))}`,
    `JINA_API_KEY=${cat('jina', '_', rand(32, ALNUM, 'nothex'), rand(28, ALNUM, 'tail'))}`, // the head is hex
    `JINA_API_KEY=${cat('jina', '_', rand(32, HEX, 'short'), rand(12, ALNUM, 'short'))}`,
    `JINA_API_KEY=${cat('jina', '_', '0'.repeat(32), rand(28, ALNUM, 'zero'))}`,
  ],
  invalid: [
    { code: `JINA_API_KEY=${key}`, secret: key, path: '.env' },
    { code: `headers = {"Authorization": "Bearer ${key}"}`, secret: key, path: 'reader.py' },
    { code: `const jina = { apiKey: '${key}' };`, secret: key, path: 'embed.ts' },
  ],
});
