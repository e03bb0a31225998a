import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Infura API keys (formerly project ids) are 32 lower-case hex characters; the key is the credential (the
 * endpoint URL `https://<network>.infura.io/v3/<key>` is all a caller needs), and the optional API key secret is
 * 32 hex too. Found in endpoint URLs and next to Infura's name.
 */
const NAME =
  String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['infura'], ['token', 'secret', 'key', 'password', 'auth', 'credential', 'project_id', 'projectid', 'project-id', 'id']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('infura')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/infura-api-key',
  description: 'Infura API key (project id) or API key secret',
  severity: 'high',
  variants: [
    {
      keywords: ['infura.io'],
      pattern: /\.infura\.io\/(?:v3|ws\/v3)\/(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_])/g,
      minEntropy: 3,
    },
    {
      keywords: ['infura'],
      pattern: keyedSecret(NAME, String.raw`[a-f0-9]{32}`),
      nextLine: true,
      minEntropy: 3,
    },
    {
      keywords: ['infura'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Infura (Consensys)',
    url: 'https://app.infura.io/',
    steps: [
      'In the Infura dashboard, delete the API key (or create a new one and retire this one), and set an API key secret and allow-lists on the new key.',
      "Review the key's usage for requests you did not make (a paid plan's quota can be spent by others).",
      'Keep the endpoint URL in a secret or environment variable, not in code.',
    ],
  },
});
