/**
 * Algolia DocSearch: a documentation site's search box, configured with an `apiKey` beside `indexName` and
 * `appId` (`docsearch({ … })`, VitePress's and Docusaurus's `algolia: { … }`, and the site's built bundle). Its key is search-only by
 * construction and ships to every browser, so it is no secret wherever the site keeps that configuration.
 * An indexing script's admin or write key next to the same names is still one.
 */
const SITE_CONFIG = /(?:^|\/)(?:docusaurus\.config|\.vitepress\/config|\.vuepress\/config)\.[cm]?[jt]s$|(?:^|\/)\.(?:vitepress|vuepress)\/dist\/.+\.js$/;

export function isDocSearchKey(path: string, text: string, at: number): boolean {
  const around = text.slice(Math.max(0, at - 400), at + 400);
  if (!/\bindexName\b/.test(around) || /(?:admin|write)[\w-]{0,12}key|crawler/i.test(around)) return false;
  return /docsearch/i.test(around) || (SITE_CONFIG.test(path) && /\b(?:appId|applicationId)\b/.test(around));
}

/**
 * A key sent to an Algolia search host (`https://<APP>-dsn.algolia.net/1/indexes/…`, a storefront's
 * InstantSearch request that a scraper copies): the DSN hosts serve searches, so the key is the site's
 * search key, which every visitor's browser holds.
 */
export function onAlgoliaSearchHost(text: string, at: number): boolean {
  return /-dsn\.algolia\.net\/1\/indexes\//i.test(text.slice(Math.max(0, at - 800), at + 800));
}
