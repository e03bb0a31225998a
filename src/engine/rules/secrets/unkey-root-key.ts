import { defineSecretRule } from './define.js';

/**
 * Unkey root keys: `unkey_` and 16 random bytes in Base58 (Bitcoin alphabet, 21–22 characters). Shape
 * from Unkey's own code: the dashboard creates root keys with `prefix: "unkey", byteLength: 16`
 * (unkeyed/unkey, web/apps/dashboard/lib/trpc/routers/key/createRootKey.ts) and the key service joins
 * prefix and `base58.Encode(bytes)` with `_` (internal/services/keys/create.go). Keys Unkey issues for
 * its customers carry the customer's own prefix, not this one.
 */
export default defineSecretRule({
  id: 'secrets/unkey-root-key',
  description: 'Unkey root key',
  severity: 'critical',
  keywords: ['unkey_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>unkey_[1-9A-HJ-NP-Za-km-z]{20,23})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.6,
  // Base58 of random bytes mixes upper and lower case; a snake_case name after the prefix does not match.
  validate: (s) => /[A-Z]/.test(s.slice(6)) && /[a-z]/.test(s.slice(6)),
  message: "Unkey root key committed to the repository: it manages the workspace's APIs and keys, including creating and verifying your customers' keys.",
  revoke: {
    provider: 'Unkey',
    url: 'https://app.unkey.com/settings/root-keys',
    steps: [
      'In the Unkey dashboard → Settings → Root Keys, delete the key.',
      'Review the workspace audit log for keys, APIs and permissions created or changed since the commit; revoke any keys it created.',
      'Create a replacement with only the permissions the service needs, and store it as a secret.',
    ],
  },
});
