import { assignment } from './lib/assignment.js';
import { defineSecretRuleSet } from './lib/rule-set.js';

/** Hex.pm API keys: 32 hex under HEX_API_KEY (mix hex.publish) or a hexpm-named variable. */
export default defineSecretRuleSet({
  id: 'secrets/hex-pm-api-key',
  description: 'Hex.pm API key',
  severity: 'critical',
  confidence: 'medium',
  variants: [
    {
      keywords: ['hex_api_key', 'hex-api-key', 'hexpm', 'hex.pm', 'hex_pm'],
      // Whole-word `hex…` so `CROSSCHEX_API_KEY` and friends stay out.
      pattern: assignment(
        '(?<![A-Za-z0-9])(?:[hH][eE][xX][_-][aA][pP][iI][_-][kK][eE][yY]|[hH][eE][xX][._-]?[pP][mM][\\w.-]{0,20}?(?:[kK][eE][yY]|[tT][oO][kK][eE][nN]|[sS][eE][cC][rR][eE][tT]))',
        '[a-f0-9]{32}',
      ),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Hex.pm',
    url: 'https://hex.pm/dashboard/keys',
    steps: [
      'Revoke the key on hex.pm under Dashboard → Keys (or `mix hex.user key revoke <name>`).',
      'Check the packages the key could publish for releases you did not make, and retire them.',
      'Create a replacement limited to the `api:write` permission for the one package or organization, stored as a CI secret (HEX_API_KEY).',
    ],
  },
});
