import rule from '../../../../src/engine/rules/secrets/scaleway-secret-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const uuid = (seed: string, cs = HEX): string => `${rand(8, cs, `${seed}1`)}-${rand(4, cs, `${seed}2`)}-${rand(4, cs, `${seed}3`)}-${rand(4, cs, `${seed}4`)}-${rand(12, cs, `${seed}5`)}`;
const k1 = uuid('scw-1');
const k2 = uuid('scw-2', LOWER_ALNUM);

ruleTester(rule, {
  valid: [
    `provider "scaleway" {\n  secret_key = var.secret_key\n}\nvariable "other" {\n  default = "${k1}"\n}`, // a variable, and the value outside the block
    `SCW_DEFAULT_PROJECT_ID=${k1}`, // an identifier under a Scaleway name
    `scaleway_organization_id = "${k1}"`,
    `SECRET_KEY=${k1}`, // no Scaleway name
    `SCW_SECRET_KEY=${k1.slice(1)}`,
    'SCW_SECRET_KEY=${SCW_SECRET_KEY}',
    `scalewaykey token = '${k2.replace('-', '?')}'`,
    `scaleway:\n  region: ${k1}`, // nested, not a credential key
    `scaleway:\n  client_id: ${k1}`, // nested, an id
    `scaleway:\n  secret_key: ${'0'.repeat(8) + '-0000-0000-0000-' + '0'.repeat(12)}`, // nested placeholder
    `scaleway:\n  access_key_id: ${k1}`, // nested, an id
  ],
  invalid: [
    { code: `provider "scaleway" {\n  region = "eu-1"\n  secret_key = "${k1}"\n}`, path: 'providers.tf', secret: k1, line: 3, count: 1 },
    { code: `SCW_SECRET_KEY=${k1}`, path: '.env', secret: k1, count: 1 },
    { code: `scalewaykey token = '${k2}'`, secret: k2 },
    { code: `provider "scaleway" {}\nscaleway_secret_key = "${k1}"`, path: 'main.tf', secret: k1, line: 2 },
    { code: `profiles:\n  default:\n    scw_secret_key: ${k2}\n`, path: 'config.yaml', secret: k2, line: 3 },
    { code: `scaleway:\n  secret_key: ${k1}\n`, path: 'config.yml', secret: k1, count: 1 },
    { code: `[scaleway]\nsecret_key = "${k1}"\n`, path: 'settings.toml', secret: k1 },
    { code: `services:\n  - scaleway:\n      secret_key: ${k1}\n`, path: 'config.yml', secret: k1 },
  ],
});
