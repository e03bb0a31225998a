import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Confluent Cloud API keys are a pair: a 16-character upper-case key (the SASL username, half of the
 * pair) and a 64-character secret. They count next to Confluent's name: `CONFLUENT_CLOUD_API_SECRET`,
 * `confluent_api_key` in Terraform, `confluent.secret` in a client config.
 */
export default defineSecretRuleSet({
  id: 'secrets/confluent-api-key',
  description: 'Confluent Cloud API key and secret',
  severity: 'high',
  variants: [
    ...keyedAndNested(['confluent'], {
      keywords: ['confluent'],
      words: ['secret', 'password', 'token', 'credential'],
      camelCase: false,
      value: '[A-Za-z0-9+/]{64}',
      minEntropy: 4,
    }),
    ...keyedAndNested(['confluent'], {
      keywords: ['confluent'],
      value: String.raw`[A-Z0-9]{16}`,
      minEntropy: 3,
      confidence: 'medium',
      message: 'Confluent Cloud API key committed: half of a key pair; its secret is usually next to it.',
      validate: (s) => /[0-9]/.test(s) && /[A-Z]/.test(s),
    }),
  ],
  revoke: {
    provider: 'Confluent Cloud',
    url: 'https://confluent.cloud/settings/api-keys',
    steps: [
      'In Confluent Cloud → API keys (or `confluent api-key delete <key>`), delete the key pair.',
      'Review the audit log for the key since the commit (topics read or written, ACLs and clusters changed).',
      'Create a replacement for a service account with the narrowest role binding and store both halves as secrets.',
    ],
  },
});
