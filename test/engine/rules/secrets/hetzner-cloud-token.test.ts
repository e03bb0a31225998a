import rule from '../../../../src/engine/rules/secrets/hetzner-cloud-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, HEX } from '../../../helpers/tokens.js';

const t = rand(64, ALNUM, 'hcloud-1');
const t2 = rand(64, ALNUM, 'hcloud-2');

ruleTester(rule, {
  valid: [
    `provider "hcloud" {\n  token = var.token\n}\nvariable "other" {\n  default = "${t}"\n}`, // a variable, and the value outside the block
    `TOKEN=${t}`, // no Hetzner name
    `HCLOUD_IMAGE_SHA256=${rand(64, HEX, 'sha')}`, // a digest
    `HCLOUD_TOKEN=${t.slice(1)}`,
    `HCLOUD_TOKEN=${'aB3'.repeat(21)}a`,
    'HCLOUD_TOKEN=${HCLOUD_TOKEN}',
    `hcloud:\n  region: ${t}`, // nested, not a credential key
    `hcloud:\n  client_id: ${t}`, // nested, an id
    `hcloud:\n  token: ${'a'.repeat(64)}`, // nested placeholder
  ],
  invalid: [
    { code: `provider "hcloud" {\n  region = "eu-1"\n  token = "${t}"\n}`, path: 'providers.tf', secret: t, line: 3, count: 1 },
    { code: `HCLOUD_TOKEN=${t}`, path: '.env', secret: t, count: 1 },
    { code: `provider "hcloud" {\n  token = var.hcloud_token\n}\nhcloud_token = "${t2}"`, path: 'terraform.tfvars', secret: t2, line: 4 },
    { code: `hetzner:\n  api_token: x\nhetzner_token: '${t}'`, path: 'config.yml', secret: t, line: 3 },
    { code: `export HCLOUD_TOKEN="${t2}"`, path: 'setup.sh', secret: t2 },
    { code: `hcloud:\n  token: ${t}\n`, path: 'config.yml', secret: t, count: 1 },
    { code: `[hcloud]\ntoken = "${t}"\n`, path: 'settings.toml', secret: t },
    { code: `services:\n  - hcloud:\n      token: ${t}\n`, path: 'config.yml', secret: t },
  ],
});
