import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested, keyedSecret } from './lib/keyed-secret.js';
import { nameOf } from './lib/assignment.js';

/** The key's own line in a match (the child key under `mailjet:`), lower-cased. */
const keyLine = (secret: string, match: RegExpExecArray): string => {
  const name = nameOf(match, secret);
  return name.slice(name.lastIndexOf('\n') + 1).toLowerCase();
};

/**
 * Mailjet's Email API authenticates with HTTP Basic: the API key is the user name and the secret key the
 * password, both 32 lower-case hex characters with no prefix (Mailjet's SDKs read `MJ_APIKEY_PUBLIC` and
 * `MJ_APIKEY_PRIVATE`). Only the secret half is reported: the API key (`MJ_APIKEY_PUBLIC`,
 * `MAILJET_API_KEY`, `mailjet: { api_key }`) identifies the account, as a user name does, and grants
 * nothing alone. So the name must say secret, private or password (`MAILJET_API_SECRET`,
 * `MAILJET_SECRET_KEY`, `MJ_APIKEY_PRIVATE`), on the same line or as a child of a `mailjet` parent.
 */
export default defineSecretRuleSet({
  id: 'secrets/mailjet-api-secret',
  description: 'Mailjet API secret key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['mailjet'], {
      keywords: ['mailjet'],
      value: String.raw`[a-f0-9]{32}`,
      words: ['secret', 'private', 'password', 'passwd', 'pass', 'pwd'],
      minEntropy: 3,
      // The nested variant accepts any credential word in the child key: keep only the secret half.
      validate: (s, m) => /secret|private|pass|pwd/.test(keyLine(s, m)),
    }),
    {
      keywords: ['mj_apikey_private'],
      pattern: keyedSecret(String.raw`(?<![A-Za-z0-9_])MJ_APIKEY_PRIVATE`, '[a-f0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Mailjet',
    url: 'https://app.mailjet.com/account/apikeys',
    steps: [
      'In Mailjet → Account settings → API key management, regenerate the secret key of the leaked API key (or delete the sub-account key).',
      'Review sent messages and statistics for mail you did not send.',
      'Store the new secret key in a secret store and read it from MJ_APIKEY_PRIVATE at run time.',
    ],
  },
});
