import rule from '../../../../src/engine/rules/secrets/algolia-api-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, HEX } from '../../../helpers/tokens.js';
import { expect, it } from 'vitest';

const admin = rand(32, HEX, 'alg');
const search = rand(32, ALNUM, 'algs');

ruleTester(rule, {
  valid: [
    `ALGOLIA_APP_ID=${rand(10, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'id')}`,
    `api_key = "${admin}"`, // no provider name
    `algolia_index_name = "products_${rand(8, HEX, 'a')}"`,
    'ALGOLIA_ADMIN_KEY=${ALGOLIA_ADMIN_KEY}',
    `algolia_api_key = "${'0'.repeat(32)}"`,
  ],
  invalid: [
    { code: `ALGOLIA_ADMIN_API_KEY=${admin}`, path: '.env', secret: admin, count: 1 },
    { code: `const client = algoliasearch('APPID', algoliaKey = '${admin}');`, secret: admin },
    { code: `[DEBUG] Using algolia Key=${search}`, path: 'a.log', secret: search },
    { code: `docsearch:\n  x: 1\ndocsearch_api_key: ${search}`, path: 'c.yml', secret: search, line: 3 },
  ],
});

it('lowers search-only keys to low severity', () => {
  const [f] = runRule(rule, { code: `ALGOLIA_SEARCH_API_KEY=${search}` });
  expect([f!.severity, f!.confidence]).toEqual(['low', 'low']);
  expect(runRule(rule, { code: `ALGOLIA_ADMIN_API_KEY=${admin}` })[0]!.severity).toBe('high');
});
