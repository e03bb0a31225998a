import rule from '../../../../src/engine/rules/secrets/sourcegraph-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const SGP = cat('sg', 'p_');
const instance = cat(SGP, rand(16, HEX, 'sg-inst'), '_', rand(40, HEX, 'sg'));
const local = cat(SGP, 'local_', rand(40, HEX, 'sg-local'));
const old = SGP + rand(40, HEX, 'sg-old');
const cody = cat('sl', 'k_') + rand(64, HEX, 'slk');
const legacy = rand(40, HEX, 'sg-legacy');

ruleTester(rule, {
  valid: [
    `${SGP}5555555dAAAAA7777777CcccCFaaaaaaaaaaaaaa`, // low entropy
    `${SGP}local_d45b6G86aBb0F2Cee943902dbaDBCFCFDD1dA089`, // G is not hex
    `${SGP}${rand(20, HEX, 'a')}_${rand(40, HEX, 'b')}`, // instance id must be 16
    `commit ${legacy}`, // 40 hex without the Sourcegraph name
    `sourcegraph_commit: ${legacy}`, // a commit, not a credential
    'SRC_ACCESS_TOKEN=${SRC_ACCESS_TOKEN}',
    `sourcegraph:\n  region: ${legacy}`, // nested, not a credential key
    `sourcegraph:\n  client_id: ${legacy}`, // nested, an id
    `sourcegraph:\n  access_token: ${'a'.repeat(40)}`, // nested placeholder
  ],
  invalid: [
    { code: `SRC_ACCESS_TOKEN=${instance}`, path: '.env', secret: instance, count: 1 },
    { code: `curl -H "Authorization: token ${local}" http://localhost:3080/.api/graphql`, path: 'dev.sh', secret: local },
    { code: `{"sourcegraphToken": "${old}"}`, path: 'settings.json', secret: old },
    { code: `sourcegraph: ${legacy}`, path: 'config.yml', secret: legacy },
    { code: `CODY_GATEWAY_KEY=${cody}`, path: '.env', secret: cody },
    { code: `SRC_ACCESS_TOKEN=${legacy}`, path: '.env', secret: legacy },
    { code: `sourcegraph:\n  access_token: ${legacy}\n`, path: 'config.yml', secret: legacy, count: 1 },
    { code: `[sourcegraph]\naccess_token = "${legacy}"\n`, path: 'settings.toml', secret: legacy },
    { code: `services:\n  - sourcegraph:\n      access_token: ${legacy}\n`, path: 'config.yml', secret: legacy },
  ],
});
