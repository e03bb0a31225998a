import rule from '../../../../src/engine/rules/secrets/alibaba-access-key-id.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX } from '../../../helpers/tokens.js';

const id20 = cat('LT', 'AI', rand(20, ALNUM, 'ltai-20'));
const id12 = cat('LT', 'AI', rand(12, ALNUM, 'ltai-12'));
const idHex = cat('LT', 'AI', rand(20, HEX, 'ltai-hex'));

ruleTester(rule, {
  valid: [
    `id = "${cat('LT', 'AI', rand(8, ALNUM, 'short'))}"`,
    `id = "${cat('LT', 'AI', rand(24, ALNUM, 'long'))}"`,
    `id = "${cat('lt', 'ai', rand(20, ALNUM, 'ltai-20'))}"`, // lower case
    `name = "ALTAIR${rand(16, ALNUM, 'altair')}"`, // a word containing LTAI
    `id = "${cat('LT', 'AI', 'X'.repeat(20))}"`,
    `id = "${cat('LT', 'AI', rand(12, ALNUM, 'ex'), 'EXAMPLE')}"`,
  ],
  invalid: [
    { code: `alibabaKey := "${idHex}"`, path: 'main.go', secret: idHex, count: 1 },
    { code: `ALIBABA_CLOUD_ACCESS_KEY_ID=${id20}`, path: '.env', secret: id20 },
    { code: `[DEBUG] Using ID=${id20};`, path: 'app.log', secret: id20 },
    { code: `props.set("alibaba-key", "${id12}")`, path: 'Config.java', secret: id12 },
    { code: `provider "alicloud" {\n  access_key = "${id20}"\n}`, path: 'main.tf', secret: id20, line: 2 },
  ],
});

describe('secrets/alibaba-access-key-id in a presigned OSS URL', () => {
  const url = (expires: number) => `    url = "https://bucket.oss-cn-shanghai.aliyuncs.com/out.mp3?OSSAccessKeyId=${id20}&Expires=${expires}&Signature=${rand(28, ALNUM, 'oss-sig')}%3D"`;
  it('is low once the URL has expired, and as found while it is valid', () => {
    const [old] = runRule(rule, { code: url(1758268800), path: 'demo/siliconflow_api.py' });
    expect(old).toMatchObject({ confidence: 'low', severity: 'low' });
    expect(old!.message).toMatch(/expired on 2025-09-19/);
    const [live] = runRule(rule, { code: url(4102444800), path: 'demo/siliconflow_api.py' });
    expect(live!.confidence ?? 'high').toBe('high');
  });
});
