import { defineSecretRule } from './define.js';

export default defineSecretRule({
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
