import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * Axiom tokens: `xaat-` (API token) or `xapt-` (personal token) and a UUID (8-4-4-4-12 lower-case hex).
 * Prefixes from Axiom's Go SDK, which tells the kinds apart by them (axiomhq/axiom-go,
 * internal/config/token.go); shape from the same SDK's tests, `xaat-XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX`.
 */
const rule = defineSecretRule({
  id: 'secrets/axiom-token',
  description: 'Axiom API or personal token',
  severity: 'high',
  keywords: ['xaat-', 'xapt-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>xa[ap]t-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.2,
  message: 'Axiom API token committed to the repository: it can ingest into, and with its scopes query, the datasets it was granted.',
  revoke: {
    provider: 'Axiom',
    url: 'https://app.axiom.co/settings/api-tokens',
    steps: [
      'In Axiom → Settings → API tokens (or Profile → Personal tokens for an `xapt-` token), delete the token.',
      'Review the datasets, monitors and queries the token could reach for activity since the commit.',
      'Create a replacement API token limited to the datasets and capabilities needed (ingest only where possible), and store it as a secret.',
    ],
  },
});

export default refine(rule, (raw) =>
  raw.secret?.startsWith('xapt-') ? { ...raw, message: 'Axiom personal token committed to the repository: it acts as its user on every organization and dataset the user can reach.' } : raw,
);
