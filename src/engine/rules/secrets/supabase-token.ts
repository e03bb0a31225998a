import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * Supabase management-API personal access tokens (`sbp_` + 40 characters) and secret API keys
 * (`sb_secret_…`, the successor of the service_role JWT: full database access, bypasses RLS).
 */
const rule = defineSecretRule({
  id: 'secrets/supabase-token',
  description: 'Supabase access token or secret API key',
  severity: 'critical',
  confidence: 'high',
  keywords: ['sbp_', 'sb_secret_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sbp_[a-z0-9]{40}|sb_secret_[A-Za-z0-9_-]{20,80})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Supabase',
    url: 'https://supabase.com/dashboard/account/tokens',
    steps: [
      'An access token (sbp_): revoke it under Account → Access Tokens. A secret key (sb_secret_): delete it under Project Settings → API Keys and create a new one.',
      "Store the replacement as a server-side secret only (never in client code), and review the project's logs for unexpected access since the commit.",
    ],
  },
});

export default refine(rule, (raw) => ({
  ...raw,
  message: raw.secret?.startsWith('sbp_')
    ? 'Supabase personal access token committed: it controls every project of the account through the management API.'
    : 'Supabase secret API key committed: it has full database access and bypasses row-level security.',
}));
