import { defineSecretRule } from './define.js';
import { shannonEntropy } from '../../entropy.js';

/**
 * User tokens (`hf_`) and legacy organization tokens (`api_org_`), 34 characters. Identifiers such as
 * `hf_generatedByHomeAppForDebugging` share the shape: random tokens mix cases evenly (or hold digits).
 */
function random34(secret: string): boolean {
  const body = secret.replace(/^(?:hf_|api_org_)/, '');
  const upper = body.replace(/[^A-Z]/g, '').length;
  const lower = body.replace(/[^a-z]/g, '').length;
  const digits = body.length - upper - lower;
  return shannonEntropy(body) >= 3.8 && (digits >= 2 || (upper >= 8 && lower >= 8));
}

export default defineSecretRule({
  id: 'secrets/huggingface-token',
  description: 'Hugging Face access token',
  severity: 'high',
  keywords: ['hf_', 'api_org_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>(?:hf_|api_org_)[A-Za-z0-9]{34})(?![A-Za-z0-9_])/g,
  validate: random34,
  revoke: {
    provider: 'Hugging Face',
    url: 'https://huggingface.co/settings/tokens',
    steps: [
      'In Settings → Access Tokens, invalidate and delete the token (organization tokens: in the organization settings).',
      'Review the repositories it could write to for commits or files you did not make.',
      'Create a fine-grained replacement with only the repositories and permissions needed, and store it as a secret.',
    ],
  },
});
