import rule from '../../../../src/engine/rules/secrets/docker-swarm-join-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const P = cat('SWMTKN', '-1-');
const token = `${P}${rand(50, B36, 'ca')}-${rand(25, B36, 'sec')}`;

ruleTester(rule, {
  valid: [
    'docker swarm join --token $SWARM_TOKEN 10.0.0.1:2377',
    `docker swarm join --token ${P}<ca-digest>-<secret> 10.0.0.1:2377`,
    `${P}${rand(50, B36, 'x')}`, // the CA digest alone
    `${P}${rand(50, B36, 'y')}-${rand(24, B36, 'z')}`, // one character short
  ],
  invalid: [
    { code: `docker swarm join --token ${token} 10.0.0.1:2377`, path: 'scripts/join.sh', secret: token },
    { code: `swarm_manager_token: "${token}"`, path: 'group_vars/all.yml', secret: token },
  ],
});
