import rule from '../../../../src/engine/rules/secrets/linode-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const t = rand(64, HEX, 'linode-1');
const t2 = rand(64, HEX, 'linode-2');

ruleTester(rule, {
  valid: [
    `provider "linode" {\n  token = var.token\n}\nvariable "other" {\n  default = "${t}"\n}`, // a variable, and the value outside the block
    `TOKEN=${t}`, // no Linode name
    `LINODE_TOKEN=${t.slice(1)}`,
    `LINODE_TOKEN=${t.toUpperCase()}`,
    `LINODE_TOKEN=${'a'.repeat(64)}`,
    'LINODE_TOKEN=${LINODE_TOKEN}',
    `linode:\n  region: ${t}`, // nested, not a credential key
    `linode:\n  client_id: ${t}`, // nested, an id
    `linode:\n  token: ${'a'.repeat(64)}`, // nested placeholder
  ],
  invalid: [
    { code: `provider "linode" {\n  region = "eu-1"\n  token = "${t}"\n}`, path: 'providers.tf', secret: t, line: 3, count: 1 },
    { code: `LINODE_TOKEN=${t}`, path: '.env', secret: t, count: 1 },
    { code: `provider "linode" {}\nlinode_token = "${t2}"`, path: 'main.tf', secret: t2, line: 2 },
    { code: `[DEFAULT]\nlinode_cli_token = ${t}\n`, path: 'linode-cli', secret: t, line: 2 },
    { code: `export LINODE_CLI_TOKEN='${t2}'`, path: 'setup.sh', secret: t2 },
    { code: `linode:\n  token: ${t}\n`, path: 'config.yml', secret: t, count: 1 },
    { code: `[linode]\ntoken = "${t}"\n`, path: 'settings.toml', secret: t },
    { code: `services:\n  - linode:\n      token: ${t}\n`, path: 'config.yml', secret: t },
  ],
});
