import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested, keywordsOf } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { charClasses } from '../../entropy.js';

/**
 * The block explorers built on Etherscan's platform (Etherscan itself, BscScan, PolygonScan, Arbiscan,
 * FtmScan, Snowtrace, BaseScan and others) issue API keys of 34 upper-case letters and digits with no
 * prefix; Hardhat and Foundry read them from `ETHERSCAN_API_KEY`, `BSCSCAN_API_KEY`, … or
 * `etherscan: { apiKey: … }`. They count next to one of those names and a credential word. A key holds
 * both letters and digits: `YOURETHERSCANAPIKEY…` does not. Foundry's `[etherscan]` table names the
 * explorer in the entry's `url` instead: `mainnet = { key = "…", url = "https://api.etherscan.io/api" }`.
 */
const EXPLORERS = [
  'etherscan',
  'bscscan',
  'polygonscan',
  'arbiscan',
  'ftmscan',
  'snowtrace',
  'snowscan',
  'basescan',
  'celoscan',
  'moonscan',
  'gnosisscan',
  'lineascan',
  'blastscan',
  'scrollscan',
  'cronoscan',
  'hecoinfo',
];

export default defineSecretRuleSet({
  id: 'secrets/etherscan-api-key',
  description: 'Etherscan-family block explorer API key',
  severity: 'medium',
  variants: [
    ...keyedAndNested(EXPLORERS, {
      keywords: keywordsOf(...EXPLORERS),
      value: String.raw`[A-Z0-9]{34}`,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    }),
    {
      keywords: keywordsOf(...EXPLORERS),
      pattern: new RegExp(
        String.raw`\{[ \t]{0,4}key[ \t]{0,4}=[ \t]{0,4}["'](?<secret>[A-Z0-9]{34})["'][ \t]{0,4},[^\n}]{0,40}?url[ \t]{0,4}=[ \t]{0,4}["']https?://[\w.-]{0,40}?` + names(...EXPLORERS),
        'g',
      ),
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      // Hardhat's per-network map: `etherscan: { apiKey: { mainnet: "…", sepolia: "…" } }`, each key read
      // up to 12 lines under the `etherscan` line, behind an `apiKey` map that is still open.
      keywords: ['etherscan'],
      // The value first, the rest looked behind from it: searched from every letter of a file (a key name
      // first), this took 1.5 s on a 5 MB minified line.
      pattern:
        /(?<![A-Za-z0-9])[A-Z0-9]{34}["'](?<=etherscan["']?[ \t]*:[ \t]*\{[^}]{0,400}?\bapiKey["']?[ \t]*:[ \t]*\{[^}]{0,800}?(?<![\w$])["']?[A-Za-z]\w{1,40}["']?[ \t]*:[ \t]*["'](?<secret>[A-Z0-9]{34})["'])/g,
      nextLine: 12,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Etherscan',
    url: 'https://etherscan.io/myapikey',
    steps: [
      'In the explorer account → API Keys (etherscan.io/myapikey, or the same page on BscScan, PolygonScan, …), delete the leaked key.',
      'Create a replacement; one Etherscan V2 key serves every supported chain.',
      'Keep it out of hardhat.config / foundry.toml: read it from ETHERSCAN_API_KEY (or Hardhat configuration variables) at run time.',
    ],
  },
});
