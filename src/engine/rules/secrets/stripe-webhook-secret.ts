import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';
import { isSvixValue, SVIX_CONTEXT } from './svix-webhook-secret.js';

/** Stripe's endpoint signing secrets; a `whsec_` value that is Svix's is svix-webhook-secret's finding. */
const rule = defineSecretRule({
  id: 'secrets/stripe-webhook-secret',
  description: 'Stripe webhook signing secret',
  severity: 'high',
  keywords: ['whsec_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9+/]{32,88}={0,2})(?![A-Za-z0-9_+/=])/g,
  minEntropy: 3.5,
  message: 'Stripe webhook signing secret committed to the repository: anyone holding it can forge events to your endpoint.',
  revoke: {
    provider: 'Stripe',
    url: 'https://dashboard.stripe.com/webhooks',
    steps: [
      'In Developers → Webhooks, open the endpoint and roll its signing secret.',
      'Deploy the new secret to the receiving service and review recent deliveries for events Stripe did not send.',
      'Store the secret in a secret manager and load it at run time.',
    ],
  },
});

export default refine(rule, (raw, file) => (raw.secret && (isSvixValue(raw.secret) || SVIX_CONTEXT.test(file.text)) ? null : raw));
