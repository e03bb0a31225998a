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

/** Network names Hardhat keys its `apiKey` map by (a prefix each: `arbitrumOne`, `optimisticEthereum`). */
const NETWORKS = [
  'mainnet',
  'sepolia',
  'goerli',
  'holesky',
  'polygon',
  'arbitrum',
  'optimis',
  'bsc',
  'base',
  'avalanche',
  'opera',
  'ftm',
  'gnosis',
  'xdai',
  'celo',
  'moonbeam',
  'moonriver',
  'linea',
  'scroll',
  'blast',
  'mantle',
  'zksync',
];

/** Whether `at` lies inside an `apiKey: {` map opened under `etherscan` within the 1,000 characters before it. */
function insideApiKeyMap(text: string, at: number): boolean {
  if (at < 0) return false;
  const before = text.slice(Math.max(0, at - 1000), at);
  const open = before.search(/etherscan["']?[ \t]*:[ \t]*\{[^}]{0,400}?apiKey["']?[ \t]*:[ \t]*\{[^}]*$/i);
  return open !== -1;
}

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
      // Hardhat's per-network map: `etherscan: { apiKey: { mainnet: "…", sepolia: "…" } }`, the key named
      // after a network, inside an `apiKey` map that sits under `etherscan` (checked in the text before it).
      keywords: NETWORKS,
      pattern: new RegExp(String.raw`(?<![\w$])["']?(?:${NETWORKS.join('|')})\w{0,24}["']?[ \t]{0,4}:[ \t]{0,4}["'](?<secret>[A-Z0-9]{34})["']`, 'gi'),
      minEntropy: 3.5,
      validate: (s, m, file) => charClasses(s) >= 2 && insideApiKeyMap(file.text, m.input === file.text ? m.index : file.text.indexOf(m[0])),
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
