import { defineSecretRule } from './define.js';
import { assignment, ci, spellings } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';

/**
 * IBM Cloud Object Storage HMAC credentials: the secret access key is 48 hex characters (AWS's is 40
 * base64), under `secret_access_key` / `cos_hmac_secret_key` / `ibm_cos_secret_key` …
 */
const NAME = `${ci('secret')}[_\\-]?(?:${ci('access')}[_\\-]?)?${ci('key')}`;

export default withNextLine(
  defineSecretRule({
    id: 'secrets/ibm-cos-hmac-secret',
    description: 'IBM Cloud Object Storage HMAC secret access key',
    severity: 'critical',
    confidence: 'medium',
    keywords: [...spellings([['secret'], ['key']], ['', '_', '-']), ...spellings([['secret'], ['access'], ['key']], ['', '_', '-'])],
    pattern: assignment(NAME, '[a-f0-9]{48}', { gap: 4 }),
    minEntropy: 3,
    revoke: {
      provider: 'IBM Cloud Object Storage',
      url: 'https://cloud.ibm.com/resources',
      steps: [
        'Open the Cloud Object Storage instance → Service credentials and delete the credential whose HMAC keys leaked (this deletes its access key ID and secret).',
        'Create a new credential with HMAC enabled and the least role needed, stored in Secrets Manager.',
        'Review Activity Tracker / bucket access logs for requests with the key since the commit.',
      ],
    },
  }),
);
