import { defineSecretRule } from './define.js';
import { ci, spellings } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';

/**
 * IBM Cloud classic infrastructure (SoftLayer) API keys: 64 lower-case alphanumerics, under a
 * softlayer / sl_ name (also as a CLI flag `--softlayer-api-key <key>`) or in a SOAP endpoint URL.
 */
const NAME = `(?:${ci('softlayer')}|(?<![A-Za-z0-9])${ci('sl')})[_\\-]?(?:${ci('api')}[_\\-]?)?(?:${ci('key')}|${ci('pwd')}|${ci('password')}|${ci('pass')}|${ci('token')})`;
const VALUE = '[a-z0-9]{64}';

export default withNextLine(
  defineSecretRule({
    id: 'secrets/softlayer-api-key',
    description: 'IBM SoftLayer (classic infrastructure) API key',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['softlayer', ...spellings([['sl'], ['api', 'key', 'pwd', 'pass', 'token']], ['', '_', '-'])],
    pattern: new RegExp(`(?:${NAME}["'\\]]{0,3}\\s{0,6}(?:[:=]{1,3}>?|,|\\s)|api\\.softlayer\\.com/(?:soap|rest)/v3(?:\\.1)?/)` + `[\\s"'\`]{0,6}(?<secret>${VALUE})(?![A-Za-z0-9_\\-])`, 'g'),
    minEntropy: 3,
    validate: (secret) => /[0-9]/.test(secret) && /[a-z]/.test(secret),
    revoke: {
      provider: 'IBM Cloud (classic infrastructure)',
      url: 'https://cloud.ibm.com/iam/apikeys',
      steps: [
        'Delete the classic infrastructure API key of the user it belongs to (Manage → Access (IAM) → API keys, "Classic infrastructure API key").',
        'Create a replacement only if needed (prefer an IBM Cloud IAM API key for a service ID) and store it in Secrets Manager.',
        "Review the account's audit log for classic infrastructure API activity since the commit.",
      ],
    },
  }),
);
