import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Confluent Cloud API keys are a pair: a 16-character upper-case key (the SASL username, half of the
 * pair) and a 64-character secret. They count next to Confluent's name: `CONFLUENT_CLOUD_API_SECRET`,
 * `confluent_api_key` in Terraform, `confluent.secret` in a client config.
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['confluent']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('confluent')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;
const SECRET_NAME = String.raw`(?<![A-Za-z0-9])` + credentialNamed(['confluent'], ['secret', 'password', 'token', 'credential']);

export default defineSecretRuleSet({
  id: 'secrets/confluent-api-key',
  description: 'Confluent Cloud API key and secret',
  severity: 'high',
  variants: [
    {
      keywords: ['confluent'],
      pattern: keyedSecret(SECRET_NAME, '[A-Za-z0-9+/]{64}'),
      nextLine: true,
      minEntropy: 4,
    },
    {
      keywords: ['confluent'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[A-Za-z0-9+/]{64})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 4,
    },
    {
      keywords: ['confluent'],
      pattern: keyedSecret(NAME, String.raw`[A-Z0-9]{16}`),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
      message: 'Confluent Cloud API key committed: half of a key pair; its secret is usually next to it.',
      validate: (s) => /[0-9]/.test(s) && /[A-Z]/.test(s),
    },
    {
      keywords: ['confluent'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[A-Z0-9]{16})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
      message: 'Confluent Cloud API key committed: half of a key pair; its secret is usually next to it.',
      validate: (s) => /[0-9]/.test(s) && /[A-Z]/.test(s),
    },
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
