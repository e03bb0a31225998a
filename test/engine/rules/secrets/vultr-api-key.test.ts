import rule from '../../../../src/engine/rules/secrets/vultr-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, UPPER_ALNUM } from '../../../helpers/tokens.js';

const k = rand(36, UPPER_ALNUM, 'vultr-1');
const k2 = rand(36, UPPER_ALNUM, 'vultr-2');

ruleTester(rule, {
  valid: [
    `provider "vultr" {\n  api_key = var.api_key\n}\nvariable "other" {\n  default = "${k}"\n}`, // a variable, and the value outside the block
    `API_KEY=${k}`, // no Vultr name
    `VULTR_API_KEY=${k.slice(0, 10)}?${k.slice(11)}`,
    `VULTR_API_KEY=${k.toLowerCase()}`,
    `VULTR_API_KEY=${'A'.repeat(36)}`,
    'VULTR_API_KEY=${VULTR_API_KEY}',
    `vultr:\n  region: ${k}`, // nested, not a credential key
    `vultr:\n  client_id: ${k}`, // nested, an id
    `vultr:\n  api_key: ${'A'.repeat(36)}`, // nested placeholder
  ],
  invalid: [
    { code: `provider "vultr" {\n  region = "eu-1"\n  api_key = "${k}"\n}`, path: 'providers.tf', secret: k, line: 3, count: 1 },
    { code: `VULTR_API_KEY=${k}`, path: '.env', secret: k, count: 1 },
    { code: `vultrapikey token = '${k2}'`, secret: k2 },
    { code: `provider "vultr" {}\nvultr_api_key = "${k}"`, path: 'main.tf', secret: k, line: 2 },
    { code: `vultr:\n  api_key: ${k}\n`, path: 'config.yml', secret: k, count: 1 },
    { code: `[vultr]\napi_key = "${k}"\n`, path: 'settings.toml', secret: k },
    { code: `services:\n  - vultr:\n      api_key: ${k}\n`, path: 'config.yml', secret: k },
  ],
});
