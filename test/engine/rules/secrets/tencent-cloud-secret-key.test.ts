import rule from '../../../../src/engine/rules/secrets/tencent-cloud-secret-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, HEX } from '../../../helpers/tokens.js';

const k1 = rand(32, ALNUM, 'tc-1');
const k2 = rand(32, ALNUM, 'tc-2');

ruleTester(rule, {
  valid: [
    `provider "tencentcloud" {\n  secret_key = var.secret_key\n}\nvariable "other" {\n  default = "${k1}"\n}`, // a variable, and the value outside the block
    `SECRET_KEY=${k1}`, // no Tencent name
    `TENCENTCLOUD_FILE_MD5=${rand(32, HEX, 'md5')}`, // a hex digest
    `TENCENTCLOUD_SECRET_KEY=${k1.slice(1)}`,
    `tencent_app_name = "${'abcdefghijklmnopqrstuvwxyzabcdef'}"`,
    'TENCENTCLOUD_SECRET_KEY=${TENCENTCLOUD_SECRET_KEY}',
    `tencentcloud:\n  region: ${k1}`, // nested, not a credential key
    `tencentcloud:\n  client_id: ${k1}`, // nested, an id
    `tencentcloud:\n  secret_key: ${'a'.repeat(32)}`, // nested placeholder
  ],
  invalid: [
    { code: `provider "tencentcloud" {\n  region = "eu-1"\n  secret_key = "${k1}"\n}`, path: 'providers.tf', secret: k1, line: 3, count: 1 },
    { code: `TENCENTCLOUD_SECRET_KEY=${k1}`, path: '.env', secret: k1, count: 1 },
    { code: `tencent_secret_key: "${k2}"`, path: 'config.yaml', secret: k2 },
    { code: `QCLOUD_SECRET_KEY = '${k1}'`, path: 'settings.py', secret: k1 },
    { code: `provider "tencentcloud" {}\ntencentcloud_secret_key = "${k2}"`, path: 'main.tf', secret: k2, line: 2 },
    { code: `tencentcloud:\n  secret_key: ${k1}\n`, path: 'config.yml', secret: k1, count: 1 },
    { code: `[tencentcloud]\nsecret_key = "${k1}"\n`, path: 'settings.toml', secret: k1 },
    { code: `services:\n  - tencentcloud:\n      secret_key: ${k1}\n`, path: 'config.yml', secret: k1 },
  ],
});
