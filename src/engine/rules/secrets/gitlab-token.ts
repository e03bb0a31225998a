import { defineSecretRuleSet, type SecretVariant } from './lib/rule-set.js';

// prefix → [what it is, body length (regex quantifier)]; lengths follow GitLab's token overview.
const KINDS: Array<[string, string, string]> = [
  ['gldt-', 'deploy token', '{20,50}'],
  ['glptt-', 'pipeline trigger token', '{40}'],
  ['glcbt-', 'CI/CD job token', '{20,60}'],
  ['glsoat-', 'SCIM token', '{20,50}'],
  ['glffct-', 'feature flags client token', '{20,50}'],
  ['glft-', 'feed token', '{20,50}'],
  ['glimt-', 'incoming mail token', '{25}'],
  ['glagent-', 'Kubernetes agent token', '{50,1024}'],
  ['gloas-', 'OAuth application secret', '{64}'],
];

const variants: SecretVariant[] = KINDS.map(([prefix, kind, len]) => ({
  keywords: [prefix],
  pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${prefix}[\\w-]${len})(?![\\w-])`, 'g'),
  minEntropy: 3,
  message: `GitLab ${kind} committed to the repository.`,
}));

/** Every other prefixed GitLab token (PATs and runner tokens have their own rules). */
export default defineSecretRuleSet({
  id: 'secrets/gitlab-token',
  description: 'GitLab deploy, trigger, job, SCIM, feed, feature-flag, mail, agent token or OAuth app secret',
  severity: 'high',
  variants: [
    ...variants,
    {
      keywords: ['_gitlab_session='],
      pattern: /_gitlab_session=(?<secret>[0-9a-z]{32})(?![0-9a-z])/g,
      minEntropy: 3,
      message: 'GitLab session cookie committed to the repository.',
    },
  ],
  revoke: {
    provider: 'GitLab',
    url: 'https://docs.gitlab.com/security/tokens/',
    steps: [
      'Find the token type by its prefix and revoke or rotate it where it lives: deploy tokens (gldt-) under Settings → Repository → Deploy tokens; trigger tokens (glptt-) under Settings → CI/CD → Pipeline trigger tokens; Kubernetes agent tokens (glagent-) under Operate → Kubernetes clusters; OAuth app secrets (gloas-) by renewing the application secret; feed (glft-) and incoming mail (glimt-) tokens by resetting them in user or project settings; SCIM tokens (glsoat-) by regenerating them in the group’s SAML SSO settings; feature flag client tokens (glffct-) by resetting the instance ID; a session cookie by signing the user out of all sessions.',
      'CI/CD job tokens (glcbt-) expire when the job ends; check whether the job is still running and cancel it.',
      'Review audit events for use of the token since it was committed, and store the replacement as a masked, protected CI/CD variable.',
    ],
  },
});
