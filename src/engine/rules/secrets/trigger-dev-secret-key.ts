import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * Trigger.dev secret keys and personal access tokens. Shapes from Trigger.dev's webapp
 * (triggerdotdev/trigger.dev): environment keys are `tr_<env>_` (`dev`, `stg`, `prod`, `preview`), `sk_`
 * on additional named keys, and base62 — 24 characters now (apps/webapp/app/utils/apiKeys.ts), 20 on
 * keys made before; personal access tokens are `tr_pat_` and 40 characters of `[1-9a-km-z]`
 * (apps/webapp/app/services/personalAccessToken.server.ts). The `pk_<env>_` keys are public and not reported.
 */
const rule = defineSecretRule({
  id: 'secrets/trigger-dev-secret-key',
  description: 'Trigger.dev secret key or personal access token',
  severity: 'high',
  keywords: ['tr_dev_', 'tr_stg_', 'tr_prod_', 'tr_preview_', 'tr_pat_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>tr_(?:(?:dev|stg|prod|preview)_(?:sk_)?(?:[A-Za-z0-9]{24}|[A-Za-z0-9]{20})|pat_[1-9a-km-z]{40}))(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  // A random base62 body mixes at least two of upper case, lower case and digits; a PAT mixes letters and digits.
  validate: (s) => {
    const body = s.replace(/^tr_[a-z]+_(?:sk_)?/, '');
    return [/[A-Z]/, /[a-z]/, /[0-9]/].filter((re) => re.test(body)).length >= 2;
  },
  revoke: {
    provider: 'Trigger.dev',
    url: 'https://cloud.trigger.dev/',
    steps: [
      'In the Trigger.dev dashboard, open the project → API keys for the environment and regenerate (or revoke) the key; for a `tr_pat_` token, revoke it under Account → Personal Access Tokens.',
      'Review runs, schedules and environment variables since the commit for ones you did not create: the key triggers tasks and reads their payloads and outputs.',
      'Deploy the new key as TRIGGER_SECRET_KEY from a secret store.',
    ],
  },
});

export default refine(rule, (raw) => {
  const s = raw.secret ?? '';
  if (s.startsWith('tr_pat_')) return { ...raw, message: 'Trigger.dev personal access token committed to the repository: it acts as its user on every project the user can reach.' };
  if (s.startsWith('tr_dev_')) return { ...raw, severity: 'medium', message: 'Trigger.dev development environment secret key committed to the repository.' };
  return raw;
});
