import rule from '../../../../src/engine/rules/secrets/k3s-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { cat, HEX, rand } from '../../../helpers/tokens.js';

const P = cat('K', '10');
const server = `${P}${rand(64, HEX, 'ca')}::server:${rand(32, HEX, 'srv')}`;
const node = `${P}${rand(64, HEX, 'ca2')}::node:${rand(16, HEX, 'agent')}`;

ruleTester(rule, {
  valid: [
    'K3S_TOKEN=${K3S_TOKEN}',
    'k3s agent --server https://10.0.0.1:6443 --token-file /run/secrets/k3s',
    `${P}${rand(64, HEX, 'only')}`, // the CA hash without the secret
    `${P}${rand(64, HEX, 'short')}::server:abc`,
  ],
  invalid: [
    { code: `curl -sfL https://get.k3s.io | K3S_URL=https://10.0.0.1:6443 K3S_TOKEN=${server} sh -`, path: 'install.sh', secret: server },
    { code: `k3s_token: "${node}"`, path: 'inventory/group_vars/all.yml', secret: node },
  ],
});
