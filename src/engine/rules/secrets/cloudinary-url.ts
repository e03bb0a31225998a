import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Cloudinary credentials: `cloudinary://<api key, 15 digits>:<api secret, 27 characters>@<cloud name>`, the
 * format of `CLOUDINARY_URL`, or the 27-character API secret next to Cloudinary's name (`CLOUDINARY_API_SECRET`,
 * `cloudinary.config(api_secret=…)`). The secret is what is reported.
 */
export default defineSecretRuleSet({
  id: 'secrets/cloudinary-url',
  description: 'Cloudinary API secret (CLOUDINARY_URL or api_secret)',
  severity: 'high',
  variants: [
    {
      keywords: ['cloudinary://'],
      pattern: /(?<![\w+.-])cloudinary:\/\/[0-9]{12,18}:(?<secret>[A-Za-z0-9_-]{27})@[A-Za-z0-9_-]{1,64}/g,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    ...keyedAndNested(['cloudinary'], {
      keywords: ['cloudinary'],
      words: ['secret', 'password', 'credential'],
      value: '[A-Za-z0-9_-]{27}',
      minEntropy: 3.5,
      placeholders: 'loose',
      validate: (s) => charClasses(s) >= 2,
    }),
    {
      keywords: ['cloudinary'],
      pattern: /cloudinary[\w.]{0,24}\([^)]{0,300}?(?<![\w])api_secret\s{0,2}[:=]\s{0,2}["'](?<secret>[A-Za-z0-9_-]{27})["']/g,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Cloudinary',
    url: 'https://console.cloudinary.com/settings/api-keys',
    steps: [
      'In the Cloudinary Console → Settings → API Keys, generate a new key pair and delete the leaked one.',
      'Review the media library for uploads, deletions and transformations made since the commit.',
      'Store CLOUDINARY_URL (or the secret) as a secret.',
    ],
  },
});
