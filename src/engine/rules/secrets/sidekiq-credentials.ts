import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedSecret } from './lib/keyed-secret.js';

const CREDENTIAL = '[0-9a-f]{8}:[0-9a-f]{8}';

/**
 * Sidekiq Pro / Enterprise gem-server credentials (`<8 hex>:<8 hex>`), given to Bundler by the
 * variables it derives from the host (`BUNDLE_ENTERPRISE__CONTRIBSYS__COM`, `BUNDLE_GEMS__CONTRIBSYS__COM`),
 * by `bundle config gems.contribsys.com …`, or in the source URL of a Gemfile / Gemfile.lock.
 */
export default defineSecretRuleSet({
  id: 'secrets/sidekiq-credentials',
  description: 'Sidekiq Pro / Enterprise gem server credentials',
  severity: 'high',
  variants: [
    {
      keywords: ['bundle_enterprise__contribsys__com', 'bundle_gems__contribsys__com'],
      // A suffix may follow the variable's name in code (`BUNDLE_GEMS__CONTRIBSYS__COM_TOKEN = …`).
      pattern: keyedSecret('BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM', CREDENTIAL, { gap: 12 }),
      minEntropy: 2.5,
    },
    {
      keywords: ['contribsys.com'],
      pattern: /bundle\s+config\s+(?:(?:set\s+)?--(?:local|global)\s+)?(?:enterprise|gems)\.contribsys\.com\s+["']?(?<secret>[0-9a-f]{8}:[0-9a-f]{8})(?![0-9A-Za-z])/gi,
      minEntropy: 2.5,
    },
    {
      keywords: ['contribsys.com'],
      pattern: /\bhttps?:\/\/(?<secret>[0-9a-f]{8}:[0-9a-f]{8})@(?:gems|enterprise)\.contribsys\.com(?=[/#?:"'\s]|$)/gi,
      minEntropy: 2.5,
    },
  ],
  revoke: {
    provider: 'Contributed Systems (Sidekiq Pro / Enterprise)',
    url: 'https://github.com/sidekiq/sidekiq/wiki/Pro-Installation',
    steps: [
      'Ask Contributed Systems (support@contribsys.com) to issue new gem-server credentials for your licence; the leaked pair gives anyone your licensed gems.',
      'Set the new pair as BUNDLE_ENTERPRISE__CONTRIBSYS__COM / BUNDLE_GEMS__CONTRIBSYS__COM in CI secrets and on build hosts, never in the Gemfile or Gemfile.lock.',
      'Remove the credential from the source URL in Gemfile and Gemfile.lock (`source "https://enterprise.contribsys.com/"` without user info).',
    ],
  },
});
