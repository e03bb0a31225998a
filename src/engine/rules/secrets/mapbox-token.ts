import { defineSecretRuleSet } from './lib/rule-set.js';
import { refine } from './lib/refine.js';
import { keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';

/**
 * Secret (`sk.`) and temporary (`tk.`) tokens are base64 JSON + signature. Public `pk.` tokens are meant
 * for browsers: reported at low severity, and only where a Mapbox name is assigned one.
 */
const rule = defineSecretRuleSet({
  id: 'secrets/mapbox-token',
  description: 'Mapbox secret access token',
  severity: 'high',
  variants: [
    {
      keywords: ['sk.eyj', 'tk.eyj'],
      pattern: /(?<![A-Za-z0-9_.-])(?<secret>[st]k\.eyJ[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{20,30})(?![A-Za-z0-9_-])/g,
      minEntropy: 3.5,
    },
    {
      keywords: ['mapbox'],
      pattern: keyedSecret(names('mapbox'), 'sk\\.[A-Za-z0-9_.-]{80,240}', { notFollowedBy: 'A-Za-z0-9_.=\\-' }),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'medium',
    },
    {
      keywords: ['mapbox'],
      pattern: keyedSecret(names('mapbox'), 'pk\\.[A-Za-z0-9_-]{40,300}\\.[A-Za-z0-9_-]{20,30}'),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'low',
      message: 'Mapbox public token committed: public by design, but make sure it has URL restrictions and no secret scopes.',
    },
  ],
  revoke: {
    provider: 'Mapbox',
    url: 'https://account.mapbox.com/access-tokens/',
    steps: [
      'In Account → Access tokens, delete the token (or rotate it and restrict its URLs and scopes).',
      'Check Statistics for usage you did not cause (leaked tokens run up map-load and API bills).',
      'Store secret tokens in a secret manager; give browser code only URL-restricted public tokens.',
    ],
  },
});

export default refine(rule, (raw) => (raw.secret?.startsWith('pk.') ? { ...raw, severity: 'low' } : raw));
