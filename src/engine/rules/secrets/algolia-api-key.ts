import { defineSecretRuleSet } from './lib/rule-set.js';
import { refine } from './lib/refine.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { isDocSearchKey, onAlgoliaSearchHost } from './lib/docsearch.js';

const rule = defineSecretRuleSet({
  id: 'secrets/algolia-api-key',
  description: 'Algolia API key',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['algolia', 'docsearch'],
      pattern: keyedSecret(credentialNamed(['algolia', 'docsearch']), '[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
    },
    {
      // `algolia:\n  admin_api_key: …`, `[algolia]\napi_key = …` (not DocSearch: its keys are search-only).
      keywords: ['algolia'],
      pattern: nestedSecret(['algolia'], '[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Algolia',
    url: 'https://dashboard.algolia.com/account/api-keys',
    steps: [
      'In Settings → API Keys, delete the key; for the Admin API key, regenerate it.',
      'Review the indices for deleted or changed records and the API logs for unknown callers.',
      'Create a replacement with the narrowest ACL and index restrictions, and store it as a secret.',
    ],
  },
});

// Search-only keys ship to every browser that runs the search box (DocSearch keys are search-only by
// construction): public by design, like a Stripe publishable key, so they are not reported.
export default refine(rule, (raw, file) => {
  const before = file.text.slice(Math.max(0, (raw.start ?? 0) - 60), raw.start ?? 0);
  const searchOnly = /search[\w.-]{0,20}$|search[_-]?(?:only[_-]?)?(?:api[_-]?)?key\W{0,6}$/i.test(before) || /docsearch[\w.-]{0,30}\W{0,6}$/i.test(before);
  // Docusaurus's `themeConfig.algolia` is DocSearch; a browser's query URL (`x-algolia-api-key=…&x-algolia-agent=…`) holds the key it searched with.
  const docsearch =
    /(?:^|\/)docusaurus\.config\.[cm]?[jt]s$/.test(file.path) || (/x-algolia-api-key=$/i.test(before) && /x-algolia-agent=/i.test(file.text.slice(raw.start ?? 0, (raw.start ?? 0) + 400)));
  return searchOnly || docsearch || onAlgoliaSearchHost(file.text, raw.start ?? 0) || isDocSearchKey(file.path, file.text, raw.start ?? 0) ? null : raw;
});
