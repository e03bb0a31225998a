import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf, refine } from './lib/refine.js';

/**
 * Yandex Cloud credentials under a Yandex name: static access key secrets (`YC` + 38), API keys
 * (`AQVN` + 35–38), IAM tokens (`t1.` … `.` + 86), OAuth tokens (`y0_`…`y3_` + 55), and the older
 * 83-character IAM token form.
 */
const VALUE = ['YC[A-Za-z0-9_\\-]{38}', 'AQVN[A-Za-z0-9_\\-]{35,38}', 't1\\.[A-Za-z0-9_\\-]{10,200}={0,2}\\.[A-Za-z0-9_\\-]{86}={0,2}', 'y[0-3]_[A-Za-z0-9_\\-]{55}', '[A-Za-z0-9.]{83}'].join('|');

const KINDS: Array<[RegExp, string]> = [
  [/^YC/, 'Yandex Cloud static access key secret'],
  [/^AQVN/, 'Yandex Cloud API key'],
  [/^t1\./, 'Yandex Cloud IAM token'],
  [/^y[0-3]_/, 'Yandex OAuth token'],
];

const spec: SecretRuleSpec = {
  id: 'secrets/yandex-cloud-credential',
  description: 'Yandex Cloud API key, static access key, IAM or OAuth token',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['yandex'],
  pattern: assignment(names('yandex'), VALUE, { notFollowedBy: 'A-Za-z0-9_.=\\-' }),
  minEntropy: 3.5,
  validate: (secret) => /[0-9]/.test(secret) && /[A-Za-z]/.test(secret),
  revoke: {
    provider: 'Yandex Cloud',
    url: 'https://console.yandex.cloud/iam',
    steps: [
      'Delete the key under Identity and Access Management → Service accounts → <account> → keys (`yc iam api-key delete` / `yc iam access-key delete`); an IAM token expires within 12 hours, an OAuth token is revoked by the account owner.',
      'Create a replacement with the least roles needed and store it in Lockbox or CI secrets.',
      'Review Audit Trails for actions made with the credential since the commit.',
    ],
  },
};

// `yandex:\n  api_key: …`, `[yandex]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['yandex'], pattern: nestedSecret(['yandex'], VALUE, { notFollowedBy: 'A-Za-z0-9_.=\\-' }) }));

const rule = anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['yandex'], ['token'], VALUE));

export default refine(rule, (raw) => ({
  ...raw,
  message: `${KINDS.find(([re]) => re.test(raw.secret ?? ''))?.[1] ?? 'Yandex Cloud credential'} committed to the repository.`,
}));
