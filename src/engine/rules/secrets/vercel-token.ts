import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

const KINDS: Record<string, string> = {
  vcp: 'Vercel personal access token',
  vci: 'Vercel integration token',
  vca: 'Vercel app access token',
  vcr: 'Vercel app refresh token',
  vck: 'Vercel AI Gateway API key',
};

/** Vercel's prefixed tokens: `vcp_` / `vci_` / `vca_` / `vcr_` / `vck_` + 20–60 alphanumerics. */
const rule = defineSecretRule({
  id: 'secrets/vercel-token',
  description: 'Vercel access token or API key (prefixed format)',
  severity: 'critical',
  confidence: 'high',
  keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>vc[pirak]_[A-Za-z0-9]{20,60})(?![A-Za-z0-9_])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Vercel',
    url: 'https://vercel.com/account/settings/tokens',
    steps: [
      "Delete the token under Account Settings → Tokens (integration / app tokens: remove the integration's access or rotate the app's client secret; AI Gateway keys: AI Gateway → API Keys).",
      'Create a replacement scoped to one team with an expiry, stored as a CI secret.',
      "Review the team's activity log for actions made with the token since the commit.",
    ],
  },
});

export default refine(rule, (raw) => ({ ...raw, message: `${KINDS[raw.secret?.slice(0, 3) ?? ''] ?? 'Vercel token'} committed to the repository.` }));
