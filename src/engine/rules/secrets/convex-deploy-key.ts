import { defineSecretRule } from './define.js';

/**
 * Convex deploy keys (deployment admin keys): `<type>:<deployment>|<encrypted part>`, the type `prod`,
 * `dev` or `preview` (a preview deploy key names `<team>:<project>` instead), and a self-hosted
 * backend's `<instance>|<encrypted part>` without one. The encrypted part is lower-case hex of a version
 * byte (1 for admin keys), a 24-byte secretbox nonce and the sealed protobuf with its 16-byte tag: `01`
 * and at least 80 more hex digits. Shape from Convex's own source (get-convex/convex-backend:
 * crates/keybroker/src/encryptor.rs `encode_proto`, broker.rs `ADMIN_KEY_VERSION`, common `format_admin_key`;
 * the CLI's npm-packages/convex/src/cli/lib/deployment.ts splits keys on `|` and `:`).
 */
export default defineSecretRule({
  id: 'secrets/convex-deploy-key',
  description: 'Convex deploy key (deployment admin key)',
  severity: 'high',
  keywords: ['|01'],
  pattern: /(?<![\w:|-])(?<secret>(?:(?:prod|dev|preview):)?[a-z0-9][a-z0-9-]{0,62}(?::[a-z0-9][a-z0-9-]{0,62})?\|01[0-9a-f]{80,1200})(?![0-9A-Za-z_])/g,
  // Hex: random at about 4 bits a digit; a run of one digit or a counting sequence is not a key.
  validate: (s) => {
    const hex = s.slice(s.indexOf('|') + 1);
    return new Set(hex).size >= 12;
  },
  message: 'Convex deploy key committed to the repository: anyone holding it can push functions to that deployment and read and write its data.',
  revoke: {
    provider: 'Convex',
    url: 'https://dashboard.convex.dev',
    steps: [
      "In the Convex dashboard → the deployment's Settings → URL & Deploy Key, delete the key (for a preview key: the project's Settings).",
      "Review the deployment's logs and history for pushes and data changes you did not make since it was committed.",
      'Generate a new deploy key and keep it only in the CI or hosting secret store (CONVEX_DEPLOY_KEY).',
    ],
  },
});
