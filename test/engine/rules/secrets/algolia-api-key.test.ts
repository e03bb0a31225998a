import rule from '../../../../src/engine/rules/secrets/algolia-api-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, HEX } from '../../../helpers/tokens.js';
import { expect, it } from 'vitest';

const admin = rand(32, HEX, 'alg');
const search = rand(32, ALNUM, 'algs');

ruleTester(rule, {
  valid: [
    // Sent to a search (DSN) host, as a storefront's InstantSearch request copied by a scraper: the search key.
    {
      code: `query_url = (\n    "https://529cv9h7mw-dsn.algolia.net/1/indexes/*/"\n    "queries?x-algolia-application-id=529CV9H7MW&x-"\n    "algolia-api-key=${rand(32, HEX, 'dsn')}"\n)`,
      path: 'stores/lider.py',
    },
    // DocSearch in Docusaurus's theme config, and a browser's search query: search-only keys.
    { code: `    algolia: {\n      appId: "8FEAOD28DI",\n      apiKey: "${search}",\n      indexName: "docs",\n    },`, path: 'dev-docs/docusaurus.config.js' },
    // VitePress's DocSearch block, with the comment that says so.
    {
      code: `        // enables Algolia DocSearch\n        algolia: {\n            apiKey: "${search}",\n            indexName: "starship",\n            appId: "M3XUO3SQOR",\n        },`,
      path: 'docs/.vitepress/config.mts',
    },
    { code: `curl 'https://og53ly.algolia.net/1/indexes/*/queries?x-algolia-api-key=${search}&x-algolia-application-id=OG53LY&x-algolia-agent=Algolia'`, path: 'docs/README.md' },
    `ALGOLIA_APP_ID=${rand(10, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'id')}`,
    `api_key = "${admin}"`, // no provider name
    `algolia_index_name = "products_${rand(8, HEX, 'a')}"`,
    'ALGOLIA_ADMIN_KEY=${ALGOLIA_ADMIN_KEY}',
    `algolia_api_key = "${'0'.repeat(32)}"`,
    // Search-only keys are public by design.
    `ALGOLIA_SEARCH_API_KEY=${search}`,
    `NEXT_PUBLIC_ALGOLIA_SEARCH_ONLY_API_KEY="${search}"`,
    `docsearch:\n  x: 1\ndocsearch_api_key: ${search}`,
    `const searchClient = algoliasearch('APPID', algoliaSearchKey = '${search}');`,
    `algolia:\n  app_id: ${admin}`, // nested, not a credential key
    `algolia:\n  search_api_key: ${search}`, // nested, search-only (public by design)
    `docsearch:\n  api_key: ${search}`, // DocSearch keys are search-only
    `algolia:\n  admin_api_key: ${'x'.repeat(32)}`, // nested placeholder
  ],
  invalid: [
    { code: `ALGOLIA_ADMIN_API_KEY=${admin}`, path: '.env', secret: admin, count: 1 },
    { code: `const client = algoliasearch('APPID', algoliaKey = '${admin}');`, secret: admin },
    { code: `[DEBUG] Using algolia Key=${search}`, path: 'a.log', secret: search },
    { code: `algolia:\n  admin_api_key: ${admin}\n`, path: 'config.yml', secret: admin, count: 1 },
    { code: `[algolia]\napi_key = "${admin}"\n`, path: 'settings.toml', secret: admin },
    { code: `search:\n  - algolia:\n      write_key: ${admin}\n`, path: 'config.yml', secret: admin },
    // An indexing script's admin key beside the same names is not DocSearch's.
    { code: `// push records to Algolia\nconst config = { appId: "M3XUO3SQOR", algoliaAdminKey: "${admin}", indexName: "docs" };`, path: 'scripts/index-docs.mjs', secret: admin },
  ],
});

it('reports admin and write keys at high severity', () => {
  expect(runRule(rule, { code: `ALGOLIA_ADMIN_API_KEY=${admin}` })[0]!.severity).toBe('high');
  expect(runRule(rule, { code: `ALGOLIA_WRITE_API_KEY=${admin}` })[0]!.severity).toBe('high');
});
