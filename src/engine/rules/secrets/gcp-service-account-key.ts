import type { FileView, RawFinding, Rule } from '../../rule.js';
import { SECRET_CONTROLS, DEFAULT_SECRET_REMEDIATION } from './define.js';
import { isPlaceholder } from '../../placeholder.js';

/**
 * A service-account key file (`"type": "service_account"`) is only a credential when it carries key
 * material: a `private_key_id` or a PEM `private_key`. Quotes may be escaped (the JSON embedded in a
 * string, an env var, a Kubernetes secret), so each quote allows a preceding backslash.
 */
const Q = `\\\\?["']`;
const MARKER = new RegExp(`${Q}type${Q}\\s{0,4}:\\s{0,4}${Q}service_account${Q}`, 'g');
const KEY_ID = new RegExp(`${Q}private_key_id${Q}\\s{0,4}:\\s{0,4}${Q}(?<id>[a-f0-9]{40})${Q}`, 'g');
const PRIVATE_KEY = new RegExp(`${Q}private_key${Q}\\s{0,4}:\\s{0,4}${Q}(?<pem>-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\\\\\\\?[nr]|\\s){0,8}(?<body>[A-Za-z0-9+/=]{16,200}))`, 'g');
/** A `private_key` that is a short literal, not a PEM (`"super secret key"`, `""`): a test's stand-in. */
const STAND_IN_KEY = new RegExp(`${Q}private_key${Q}\\s{0,4}:\\s{0,4}${Q}(?!-----BEGIN)[^"'\\\\\n]{0,64}${Q}`);
/** Service-account JSON objects are ~2.3 KB; look this far around the marker. */
const NEAR = 6000;

const rule: Rule = {
  meta: {
    id: 'secrets/gcp-service-account-key',
    family: 'secrets',
    severity: 'critical',
    confidence: 'high',
    description: 'Google Cloud service-account key (JSON key file)',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'Google Cloud IAM',
      url: 'https://console.cloud.google.com/iam-admin/serviceaccounts',
      steps: [
        'Delete the key: IAM & Admin → Service accounts → <account> → Keys, or `gcloud iam service-accounts keys delete <private_key_id> --iam-account=<client_email>`.',
        'Prefer keyless access (Workload Identity Federation, attached service accounts); if a key is unavoidable, create a new one and store it in Secret Manager.',
        "Review Cloud Audit Logs for the service account's activity since the commit, and consider the org policy that disables key creation.",
      ],
    },
  },
  keywords: ['service_account'],
  scope: 'file',
  check(file: FileView): RawFinding[] {
    const text = file.text;
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    MARKER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = MARKER.exec(text)) !== null) {
      const from = Math.max(0, m.index - NEAR);
      const window = text.slice(from, Math.min(text.length, m.index + NEAR));
      KEY_ID.lastIndex = 0;
      PRIVATE_KEY.lastIndex = 0;
      const id = KEY_ID.exec(window);
      const key = PRIVATE_KEY.exec(window);
      const keyId = id?.groups?.id;
      const idUsable = !!keyId && !isPlaceholder(keyId, true);
      const body = key?.groups?.body ?? '';
      const keyUsable = !!key && body.length >= 16 && !isPlaceholder(body, true);
      if (!idUsable && !keyUsable) continue;
      // Report the key ID (what an admin deletes) when there is one, else the start of the PEM.
      let start: number, secret: string;
      // The private key is this key's: private-key's finding on it would be the same credential again.
      const pemStart = keyUsable ? from + key.index + key[0].indexOf(key.groups!.pem!) : -1;
      const covers = keyUsable ? [{ start: pemStart, end: pemStart + key.groups!.pem!.length }] : undefined;
      if (idUsable && id) {
        start = from + id.index + id[0].indexOf(keyId);
        secret = keyId!;
      } else {
        const pem = key!.groups!.pem!;
        start = from + key!.index + key![0].indexOf(pem);
        secret = pem;
      }
      if (seen.has(start)) continue;
      seen.add(start);
      out.push({
        start,
        end: start + secret.length,
        secret,
        message: keyUsable
          ? 'Google Cloud service-account key file committed, private key included.'
          : STAND_IN_KEY.test(window)
            ? 'Google Cloud service-account key file committed with a key ID and a stand-in private key (a test fixture, or a key removed by hand: check the history).'
            : 'Google Cloud service-account key file committed (key ID present; the private key is elsewhere in the file or history).',
        // A key ID beside a stand-in private key (a client library's test fixture) names no usable key.
        confidence: idUsable && keyUsable ? 'high' : !keyUsable && STAND_IN_KEY.test(window) ? 'low' : 'medium',
        ...(covers ? { covers } : {}),
      });
    }
    return out;
  },
};

export default rule;
