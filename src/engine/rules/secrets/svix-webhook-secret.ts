import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * Svix endpoint signing secrets (`whsec_` + base64 of 24–32 bytes), which Clerk, Resend and other services
 * that send webhooks through Svix hand out too. Stripe's signing secrets share the prefix but are
 * alphanumeric: a value with `+`, `/` or `=`, or in a file that names Svix, is Svix's, and
 * stripe-webhook-secret leaves it to this rule.
 */
export const SVIX_CONTEXT = /svix/i;
export const isSvixValue = (secret: string): boolean => /[+/=]/.test(secret.slice(6));

const rule = defineSecretRule({
  id: 'secrets/svix-webhook-secret',
  description: 'Svix webhook signing secret',
  severity: 'high',
  keywords: ['whsec_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9+/]{32,88}={0,2})(?![A-Za-z0-9_+/=])/g,
  minEntropy: 3.5,
  message: 'Svix webhook signing secret committed to the repository: anyone holding it can forge webhooks that the endpoint will accept.',
  revoke: {
    provider: 'Svix (or the service that sends webhooks through it: Clerk, Resend …)',
    url: 'https://docs.svix.com/receiving/verifying-payloads/how',
    steps: [
      "In the sender's dashboard (Svix app portal, or the service's Webhooks page), open the endpoint and rotate its signing secret; Svix keeps the old one valid for 24 hours.",
      'Deploy the new secret to the receiving service and review recent deliveries for messages the sender did not send.',
      'Store the secret in a secret manager and load it at run time.',
    ],
  },
});

export default refine(rule, (raw, file) => (raw.secret && (isSvixValue(raw.secret) || SVIX_CONTEXT.test(file.text)) ? raw : null));
