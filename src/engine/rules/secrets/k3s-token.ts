import { defineSecretRule } from './define.js';

/**
 * K3s cluster tokens in their full ("secure") form: `K10`, the SHA-256 of the cluster CA in hex, then
 * `::server:` or `::node:` and the secret (`/var/lib/rancher/k3s/server/token`, `K3S_TOKEN=`). A server
 * token joins a control-plane node: the cluster and its datastore, with every Secret in it.
 */
export default defineSecretRule({
  id: 'secrets/k3s-token',
  description: 'K3s cluster join token (server or agent)',
  severity: 'critical',
  keywords: ['::server:', '::node:'],
  pattern: /(?<![A-Za-z0-9])(?<secret>K10[0-9a-f]{64}::(?:server|node):[0-9A-Za-z._-]{6,128})(?![0-9A-Za-z._-])/g,
  revoke: {
    provider: 'K3s (self-managed)',
    url: 'https://docs.k3s.io/cli/token',
    steps: [
      'Rotate the token on a server: `k3s token rotate --token <old> --new-token <new>` (server token), or delete and recreate bootstrap tokens (`k3s token delete`/`create`) for agents.',
      'Check the nodes (`kubectl get nodes`) for any you do not recognise and remove them.',
      'Pass the new token to new nodes from a secret store (`--token-file`), never from the repository.',
    ],
  },
});
