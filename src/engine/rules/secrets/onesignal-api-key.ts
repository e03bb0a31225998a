import { defineSecretRule } from './define.js';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** The first `n` bytes of unpadded lower-case base32 (RFC 4648 alphabet). */
function base32Head(s: string, n: number): number[] {
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const c of s) {
    acc = (acc << 5) | BASE32.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
      if (out.length === n) break;
    }
  }
  return out;
}

/**
 * OneSignal App and Organization API keys ("Rich Authentication Tokens", which replace the legacy
 * REST API and User Auth keys): `os_v2_app_` / `os_v2_org_` and about 100 lower-case base32 characters.
 * The body opens with the app's or organization's id — a UUID v4, as OneSignal documents both — so the
 * first 16 decoded bytes must carry the version-4 and RFC 4122 variant bits.
 */
export default defineSecretRule({
  id: 'secrets/onesignal-api-key',
  description: 'OneSignal App or Organization API key',
  severity: 'high',
  keywords: ['os_v2_app_', 'os_v2_org_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>os_v2_(?:app|org)_[a-z2-7]{96,112})(?![A-Za-z0-9_])/g,
  minEntropy: 4,
  validate: (s) => {
    const id = base32Head(s.slice(10), 16);
    return id.length === 16 && id[6]! >> 4 === 4 && (id[8]! & 0xc0) === 0x80;
  },
  revoke: {
    provider: 'OneSignal',
    url: 'https://dashboard.onesignal.com/',
    steps: [
      'In the OneSignal dashboard, open Settings → Keys & IDs of the app (an organization key: Organizations → your organization → Keys & IDs), and rotate or delete the key.',
      'Review messages sent and users or subscriptions changed since the commit; an organization key can also create apps and API keys.',
      'Create the replacement with an IP allowlist and store it as a server-side secret — never in a mobile or web client.',
    ],
  },
});
