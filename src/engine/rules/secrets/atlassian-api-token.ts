import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { charClasses } from '../../entropy.js';

/** Base64 of `<digits>:<random bytes>`: the id of a Data Center token and its secret part. */
function isDataCenterPat(s: string): boolean {
  const raw = Buffer.from(s, 'base64');
  const colon = raw.indexOf(0x3a);
  if (colon < 1 || colon > raw.length - 16) return false;
  for (let i = 0; i < colon; i++) if (raw[i]! < 0x30 || raw[i]! > 0x39) return false;
  return true;
}

/**
 * Current Atlassian API tokens (`ATATT3…`, admin `ATCTT3…`) end in `=` and an 8-character checksum;
 * legacy tokens are 24 alphanumerics that only count next to an Atlassian/Jira/Confluence name; Data Center
 * personal access tokens are base64 of their numeric id and random bytes.
 */
export default defineSecretRuleSet({
  id: 'secrets/atlassian-api-token',
  description: 'Atlassian (Jira, Confluence) API token',
  severity: 'high',
  variants: [
    {
      keywords: ['atatt', 'atctt'],
      pattern: /(?<![A-Za-z0-9_+/-])(?<secret>AT[AC]TT[A-Za-z0-9_+/=-]{16,300}=[A-Za-z0-9]{8}|ATATT3[A-Za-z0-9_=-]{186})(?![A-Za-z0-9_+/=-])/g,
      minEntropy: 3.5,
    },
    {
      keywords: ['atlassian', 'confluence', 'jira'],
      pattern: keyedSecret(credentialNamed(['atlassian', 'confluence', 'jira']), '[A-Za-z0-9]{24}'),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'medium',
      validate: (s) => charClasses(s) >= 2,
    },
    {
      // Under a parent key named after the provider (`atlassian:\n  api_key: …`, `[atlassian]\ntoken = …`).
      keywords: ['atlassian', 'confluence', 'jira'],
      pattern: nestedSecret(['atlassian', 'confluence', 'jira'], '[A-Za-z0-9]{24}'),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'medium',
      validate: (s) => charClasses(s) >= 2,
    },
    {
      // `jira <token>` with no credential word: only a token that mixes cases and digits.
      keywords: ['atlassian', 'confluence', 'jira'],
      pattern: new RegExp(`${names('atlassian', 'confluence', 'jira')}[ \\t]{1,4}['"]?(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9_-])`, 'g'),
      minEntropy: 3.5,
      confidence: 'medium',
      validate: (s) => charClasses(s) >= 3,
    },
    {
      // Jira and Confluence Data Center personal access tokens: 44 base64 characters that decode to the
      // token's numeric id, `:`, and random bytes (so they start with M, N or O). Read on a line that names
      // the product; the decoded shape makes the match.
      keywords: ['atlassian', 'confluence', 'jira'],
      pattern: /(?<![A-Za-z0-9+/])(?<secret>[MNO][A-Za-z0-9+/]{43})(?![A-Za-z0-9+/=])/g,
      minEntropy: 3.5,
      validate: isDataCenterPat,
      message: 'Jira or Confluence Data Center personal access token committed to the repository.',
    },
  ],
  revoke: {
    provider: 'Atlassian',
    url: 'https://id.atlassian.com/manage-profile/security/api-tokens',
    steps: [
      "The token acts as its owner: have them revoke it under Account settings → Security → API tokens (org admins can revoke managed accounts' tokens from admin.atlassian.com).",
      'Review the Jira/Confluence audit log for changes and data exports since it was committed.',
      'Create a replacement with an expiry (or a scoped token / service account) and store it as a secret.',
    ],
  },
});
