import { defineSecretRule } from './define.js';

/**
 * Docker Swarm join tokens (`docker swarm join-token worker|manager`): `SWMTKN-1-`, 50 base-36 digits
 * (the cluster CA's digest) and 25 (the secret). A manager token joins a node as a manager: control of
 * the whole swarm and its secrets.
 */
export default defineSecretRule({
  id: 'secrets/docker-swarm-join-token',
  description: 'Docker Swarm join token (worker or manager)',
  severity: 'high',
  keywords: ['swmtkn-1-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25})(?![A-Za-z0-9_-])/g,
  revoke: {
    provider: 'Docker Swarm (self-managed)',
    url: 'https://docs.docker.com/reference/cli/docker/swarm/join-token/',
    steps: [
      'Rotate the leaked token on a manager: `docker swarm join-token --rotate worker` (and `manager`); nodes that already joined are not affected.',
      'List the nodes (`docker node ls`) and remove any you do not recognise (`docker node rm --force`).',
      'Hand out join tokens at provisioning time from a secret store, never in scripts or docs in the repository.',
    ],
  },
});
