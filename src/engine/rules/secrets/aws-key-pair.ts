import type { FileView, RawFinding, Rule } from '../../rule.js';
import { SECRET_CONTROLS, DEFAULT_SECRET_REMEDIATION } from './define.js';
import { charClasses, shannonEntropy } from '../../entropy.js';
import { isPlaceholder } from '../../placeholder.js';

/**
 * An access key ID with a 40-character base64 secret near it, whatever the secret is called
 * (`id:`/`secret:` blocks, Jenkins credential XML, CSV exports, `AKIA…:secret`). Together they are a
 * working credential, so this reports the secret at critical severity.
 */
const ID = /(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;
const SECRET = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g;
/** How far from the ID (either side) the secret may be: a credentials block, not the whole file. */
const NEAR = 1200;

function isPlausibleSecret(s: string): boolean {
  // Real keys are random base64: high entropy, mixed classes; paths and hex digests are not.
  return shannonEntropy(s) >= 4.25 && charClasses(s) >= 3 && !isPlaceholder(s, true) && (s.match(/\//g)?.length ?? 0) < 6;
}

const rule: Rule = {
  meta: {
    id: 'secrets/aws-key-pair',
    family: 'secrets',
    severity: 'critical',
    confidence: 'high',
    description: 'AWS access key ID and secret access key together',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'AWS IAM',
      url: 'https://console.aws.amazon.com/iam/home#/security_credentials',
      steps: [
        'This is a usable credential pair: deactivate the access key now (`aws iam update-access-key --status Inactive --access-key-id <ID> --user-name <user>`).',
        'Create a replacement (prefer an IAM role or OIDC federation over long-lived keys) and update its consumers.',
        'Delete the old key and review CloudTrail (and billing) for activity with it since it was committed.',
      ],
    },
  },
  keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
  scope: 'file',
  check(file: FileView): RawFinding[] {
    const text = file.text;
    const out: RawFinding[] = [];
    const reported = new Set<number>();
    ID.lastIndex = 0;
    let id: RegExpExecArray | null;
    while ((id = ID.exec(text)) !== null) {
      const keyId = id[0];
      if (shannonEntropy(keyId) < 3 || isPlaceholder(keyId, true)) continue;
      const from = Math.max(0, id.index - NEAR);
      const to = Math.min(text.length, id.index + keyId.length + NEAR);
      const window = text.slice(from, to);
      SECRET.lastIndex = 0;
      let s: RegExpExecArray | null;
      while ((s = SECRET.exec(window)) !== null) {
        const start = from + s.index;
        if (reported.has(start) || !isPlausibleSecret(s[0])) continue;
        reported.add(start);
        out.push({
          start,
          end: start + s[0].length,
          secret: s[0],
          message: `AWS secret access key committed next to an access key ID (${keyId.slice(0, 4)}…): a working credential pair.`,
        });
      }
    }
    return out;
  },
};

export default rule;
