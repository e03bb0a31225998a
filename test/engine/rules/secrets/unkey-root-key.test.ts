import rule from '../../../../src/engine/rules/secrets/unkey-root-key.js';
import { guardPlaceholders } from '../../../../src/engine/rules/secrets/lib/placeholder-guard.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, cat, rand } from '../../../helpers/tokens.js';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const P = cat('unk', 'ey_');
const key = cat(P, rand(22, B58, 'unkey-root'));
const key21 = cat(P, rand(21, B58, 'unkey-root-21'));

ruleTester(guardPlaceholders(rule), {
  valid: [
    `Authorization: Bearer ${P}1234567890`, // the docs' placeholder
    `UNKEY_ROOT_KEY=${P}xxxxxxxxxxxxxxxxxxxxxx`,
    `UNKEY_ROOT_KEY=${P}${rand(12, B58, 'short')}`, // too short
    `UNKEY_ROOT_KEY=${P}${rand(30, B58, 'long')}`, // too long
    `UNKEY_ROOT_KEY=${P}${rand(21, B58, 'a')}0O`, // 0 and O are not Base58
    `UNKEY_ROOT_KEY=${P}${rand(22, ALNUM, 'alnum').replace(/[0OIl]/g, '')}lI0`, // not Base58
    'rate(unkey_ratelimit_blocklist_entries_total[5m])', // a metric name
    'expr: max(unkey_heimdall_bpf_map_entries) > 3200',
    `const v = "my${P}${rand(22, B58, 'glued')}";`, // inside a longer identifier
    'UNKEY_ROOT_KEY=${UNKEY_ROOT_KEY}',
  ],
  invalid: [
    { code: `UNKEY_ROOT_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `const unkey = new Unkey({ rootKey: "${key21}" });`, path: 'src/keys.ts', secret: key21 },
    { code: `curl -H "Authorization: Bearer ${key}" https://api.unkey.com/v2/keys.createKey`, path: 'create.sh', secret: key },
  ],
});
