import rule from '../../../../src/engine/rules/secrets/openshift-user-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const t = cat('sha', '256~', rand(43, B64URL, 'oc-1'));
const t2 = cat('sha', '256~', rand(43, B64URL, 'oc-2'));

ruleTester(rule, {
  valid: [
    '--set kraken.kubeconfig.token.token="sha256~XXXXXXXXXX_PUT_YOUR_TOKEN_HERE_XXXXXXXXXXXX" \\',
    'oc login --token=sha256~_xxxxxx_xxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxx-X \\',
    `token: ${cat('sha', '256~', rand(40, B64URL, 'short'))}`,
    `token: ${t}x`,
    'OPENSHIFT_TOKEN=${OPENSHIFT_TOKEN}',
  ],
  invalid: [
    { code: `Authorization: Bearer ${t}`, secret: t, count: 1 },
    { code: `oc login --token=${t2} --server=https://api.cluster.example.com:6443`, path: 'login.sh', secret: t2 },
    { code: `users:\n- name: dev\n  user:\n    token: ${t}\n`, path: 'kubeconfig', secret: t, line: 4 },
  ],
});
