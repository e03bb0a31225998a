import { defineSecretRule } from './define.js';
import { ci, spellings } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';

/**
 * IBM Cloudant legacy credentials: a 64-hex password or a 24-letter API key, in an account URL
 * (`https://user:<secret>@account.cloudant.com`) or under a cloudant / cl_ name.
 */
const NAME = `(?:${ci('cloudant')}|(?<![A-Za-z0-9])${ci('clou')}|(?<![A-Za-z0-9])${ci('cl')})[_\\-]?(?:${ci('api')}[_\\-]?)?(?:${ci('key')}|${ci('pwd')}|${ci('pw')}|${ci('password')}|${ci('pass')}|${ci('token')})`;
const VALUE = '[0-9a-f]{64}|[a-z]{24}';

export default withNextLine(
  defineSecretRule({
    id: 'secrets/ibm-cloudant-credentials',
    description: 'IBM Cloudant password or API key',
    severity: 'critical',
    confidence: 'medium',
    keywords: [
      'cloudant',
      ...spellings(
        [
          ['cl', 'clou'],
          ['api', 'key', 'pw', 'pass', 'token'],
        ],
        ['', '_', '-'],
      ),
    ],
    pattern: new RegExp(
      `(?:${NAME}["'\\]]{0,3}\\s{0,6}(?:[:=]{1,3}>?|,)[\\s"'\`]{0,6}` + `|https?://[\\w\\-]{1,64}:(?=(?:${VALUE})@[\\w\\-]{1,64}\\.cloudant\\.com))` + `(?<secret>${VALUE})(?![A-Za-z0-9_\\-])`,
      'g',
    ),
    minEntropy: 3,
    revoke: {
      provider: 'IBM Cloudant',
      url: 'https://cloud.ibm.com/resources',
      steps: [
        'Delete the leaked API key / service credential of the Cloudant instance (Service credentials → delete; legacy API keys: Permissions → revoke).',
        'Switch to IBM Cloud IAM authentication and create a new credential with the least role needed, stored in Secrets Manager.',
        "Review the instance's Activity Tracker events for access since the commit.",
      ],
    },
  }),
);
