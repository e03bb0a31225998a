import rule from '../../../../src/engine/rules/secrets/alibaba-access-key-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, LOWER_ALNUM } from '../../../helpers/tokens.js';

const s1 = rand(30, ALNUM, 'ali-1');
const s2 = rand(30, LOWER_ALNUM, 'ali-2');

ruleTester(rule, {
  valid: [
    `provider "alicloud" {\n  secret_key = var.secret_key\n}\nvariable "other" {\n  default = "${s1}"\n}`, // a variable, and the value outside the block
    `secret = "${s1}"`, // no Alibaba name
    `alibaba_bucket = "${'abcdefghijklmnopqrstuvwxyzabcd'}"`, // letters only
    `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${s1.slice(1)}`, // 29 characters
    `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${s1}x`, // 31 characters
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET=${ALIBABA_SECRET}',
    'alibaba_region: cn-hangzhou',
    `alicloud:\n  region: ${s1}`, // nested, not a credential key
    `alicloud:\n  client_id: ${s1}`, // nested, an id
    `alicloud:\n  secret_key: ${'a'.repeat(30)}`, // nested placeholder
  ],
  invalid: [
    { code: `provider "alicloud" {\n  region = "eu-1"\n  secret_key = "${s1}"\n}`, path: 'providers.tf', secret: s1, line: 3, count: 1 },
    { code: `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${s1}`, path: '.env', secret: s1, count: 1 },
    { code: `alibaba_token: '${s2}'`, path: 'config.yaml', secret: s2 },
    { code: `client = AcsClient(ak, access_key_secret="${s2}", region_id="cn-hangzhou")`, path: 'app.py', secret: s2 },
    { code: `provider "alicloud" {}\nALICLOUD_SECRET_KEY = "${s1}"`, path: 'main.tf', secret: s1, line: 2 },
    { code: `<alibabaToken>\n    ${s2}\n</alibabaToken>`, path: 'pom.xml', secret: s2, line: 2 },
    { code: `alicloud:\n  secret_key: ${s1}\n`, path: 'config.yml', secret: s1, count: 1 },
    { code: `[alicloud]\nsecret_key = "${s1}"\n`, path: 'settings.toml', secret: s1 },
    { code: `services:\n  - alicloud:\n      secret_key: ${s1}\n`, path: 'config.yml', secret: s1 },
  ],
});
