import { defineSecretRule } from './define.js';
import { crc32 } from '../../checksum.js';
import { refine } from './lib/refine.js';

const KINDS: Record<string, string> = {
  cfut: 'Cloudflare user API token',
  cfat: 'Cloudflare account API token',
  cfk: 'Cloudflare global API key',
};

/** The self-identifying format (2026): `cfut_` / `cfat_` / `cfk_` + 40 characters + CRC-32 (8 hex) of them. */
const rule = defineSecretRule({
  id: 'secrets/cloudflare-api-token',
  description: 'Cloudflare API token or global API key (prefixed format)',
  severity: 'critical',
  confidence: 'high',
  keywords: ['cfut_', 'cfat_', 'cfk_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>(?:cfut|cfat|cfk)_[A-Za-z0-9]{40}[a-f0-9]{8})(?![A-Za-z0-9_])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Cloudflare',
    url: 'https://dash.cloudflare.com/profile/api-tokens',
    steps: [
      'Roll or delete the token under My Profile → API Tokens (account tokens: Manage Account → API Tokens); a global API key is rolled under My Profile → API Tokens → Global API Key → Change.',
      'Create a replacement scoped to the zones and permissions needed, with a TTL and client IP filtering where possible.',
      'Review the account audit log for changes made with the token since the commit.',
    ],
  },
});

// A valid checksum is near-certain; a failing one is still the shape of a token (or a test value).
export default refine(rule, (raw) => {
  const s = raw.secret ?? '';
  const body = s.slice(s.indexOf('_') + 1, -8);
  const valid = crc32(body).toString(16).padStart(8, '0') === s.slice(-8);
  const kind = KINDS[s.slice(0, s.indexOf('_'))] ?? 'Cloudflare token';
  return { ...raw, confidence: valid ? 'high' : 'medium', message: `${kind} committed to the repository${valid ? ' (checksum verified)' : ''}.` };
});
