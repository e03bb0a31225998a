import rule from '../../../../src/engine/rules/secrets/yandex-cloud-credential.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL, ALNUM } from '../../../helpers/tokens.js';

const staticKey = cat('Y', 'C', rand(38, B64URL, 'yc-static'));
const apiKey = cat('AQ', 'VN', rand(36, B64URL, 'yc-api'));
const iam = cat('t1', '.', rand(20, B64URL, 'yc-iam-1'), '.', rand(86, B64URL, 'yc-iam-2'));
const oauth = cat('y0', '_', rand(55, B64URL, 'yc-oauth'));
const older = `${rand(18, ALNUM, 'o1')}.${rand(16, ALNUM, 'o2')}.${rand(47, ALNUM, 'o3')}`;

ruleTester(rule, {
  valid: [
    `provider "yandex" {\n  token = var.token\n}\nvariable "other" {\n  default = "${iam}"\n}`, // a variable, and the value outside the block
    `token = '${apiKey}'`, // no Yandex name
    `yandex_folder_id = "${rand(20, ALNUM, 'folder')}"`,
    `yandex token = '${older.slice(0, 8)}?${older.slice(9)}'`,
    `YANDEX_API_KEY=${cat('AQ', 'VN', rand(20, B64URL, 'short'))}`,
    `yandex_bucket = "${'abcdefghij'.repeat(4)}"`,
    'YC_TOKEN=${YC_TOKEN}',
    `yandex:\n  region: ${apiKey}`, // nested, not a credential key
    `yandex:\n  client_id: ${apiKey}`, // nested, an id
    `yandex:\n  api_key: ${cat('AQ', 'VN', 'a'.repeat(36))}`, // nested placeholder
  ],
  invalid: [
    { code: `provider "yandex" {\n  region = "eu-1"\n  token = "${iam}"\n}`, path: 'providers.tf', secret: iam, line: 3, count: 1 },
    { code: `yandex_access_secret = "${staticKey}"`, path: 'main.tf', secret: staticKey, count: 1 },
    { code: `YANDEX_API_KEY=${apiKey}`, path: '.env', secret: apiKey },
    { code: `yandexToken := "${iam}"`, path: 'main.go', secret: iam },
    { code: `yandex_oauth_token: '${oauth}'`, path: 'config.yml', secret: oauth },
    { code: `yandex token = '${older}'`, secret: older },
    { code: `yandex:\n  api_key: ${apiKey}\n`, path: 'config.yml', secret: apiKey, count: 1 },
    { code: `[yandex]\napi_key = "${apiKey}"\n`, path: 'settings.toml', secret: apiKey },
    { code: `services:\n  - yandex:\n      api_key: ${apiKey}\n`, path: 'config.yml', secret: apiKey },
  ],
});

describe('secrets/yandex-cloud-credential messages', () => {
  it('names the kind of credential', () => {
    expect(runRule(rule, { code: `YANDEX_KEY=${apiKey}` })[0]!.message).toMatch(/API key/);
    expect(runRule(rule, { code: `yandex_token = "${iam}"` })[0]!.message).toMatch(/IAM token/);
  });
});
