import { defineSecretRule } from './define.js';
import { assignment, ci, spellings } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';

/**
 * IBM Cloud IAM API keys: 44 URL-safe base64 characters, no marker. Found by name: anything with
 * `ibm` (IBM_CLOUD_API_KEY, ibmcloud_api_key), `iam`/`cloud` + api-key / key / password
 * (CLOUD_IAM_API_KEY, iam_apikey), or `"apikey":` — the field IBM service credentials use.
 */
const KEYWORD = `(?:${ci('api')}[_\\-]?)?(?:${ci('key')}|${ci('pwd')}|${ci('password')}|${ci('pass')}|${ci('token')})`;
const NAME = `(?:${ci('ibm')}|(?<![A-Za-z])(?:${ci('cloud')}[_\\-]?(?:${ci('iam')})?|${ci('iam')})[_\\-]?${KEYWORD}|(?<![A-Za-z])${ci('apikey')}(?![A-Za-z]))`;

export default withNextLine(
  defineSecretRule({
    id: 'secrets/ibm-cloud-api-key',
    description: 'IBM Cloud IAM API key',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['ibm', 'iam', 'apikey', ...spellings([['cloud'], ['api', 'key', 'pwd', 'pass', 'token']], ['', '_', '-'])],
    pattern: assignment(NAME, '[A-Za-z0-9_\\-]{44}', { gap: 20 }),
    minEntropy: 3.5,
    validate: (secret) => /[0-9]/.test(secret) && /[A-Za-z]/.test(secret),
    revoke: {
      provider: 'IBM Cloud IAM',
      url: 'https://cloud.ibm.com/iam/apikeys',
      steps: [
        'Delete the key under Manage → Access (IAM) → API keys (service ID keys: Service IDs → <id> → API keys), or `ibmcloud iam api-key-delete`.',
        'Create a replacement for a service ID with only the access policies the job needs, and store it in Secrets Manager.',
        'Review Activity Tracker events for use of the key since the commit.',
      ],
    },
  }),
);
