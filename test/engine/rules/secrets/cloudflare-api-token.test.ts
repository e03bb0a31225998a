import rule from '../../../../src/engine/rules/secrets/cloudflare-api-token.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';
import { crc32 } from '../../../../src/engine/checksum.js';

const token = (prefix: string, seed: string): string => {
  const body = rand(40, ALNUM, seed);
  return cat(prefix, '_', body, crc32(body).toString(16).padStart(8, '0'));
};
const user = token('cfut', 'cf-user');
const account = token('cfat', 'cf-account');
const global = token('cfk', 'cf-global');
const badSum = user.slice(0, -8) + (user.endsWith('00000000') ? '11111111' : '00000000');

ruleTester(rule, {
  valid: [
    'cfat_tooshort',
    `token = "${cat('cf', '_', user.slice(5))}"`, // wrong prefix
    `token = "x${account}"`, // inside a longer word
    `token = "${account}Z"`, // extra character after the checksum
    `token = "${user.slice(0, 45)}${'G'.repeat(8)}"`, // checksum is not hex
    'https://api.cloudflare.com/client/v4/zones',
  ],
  invalid: [
    { code: `CLOUDFLARE_API_TOKEN=${account}`, path: '.env', secret: account, count: 1 },
    { code: `req.Header.Set("Authorization", "Bearer ${user}")`, path: 'client.go', secret: user },
    { code: `curl -H "X-Auth-Email: ops@example.com" -H "X-Auth-Key: ${global}" https://api.cloudflare.com/client/v4/zones`, secret: global },
    { code: `vars:\n  staging_key: "${badSum}"\n`, path: 'playbook.yml', secret: badSum, line: 2 },
  ],
});

describe('secrets/cloudflare-api-token checksum', () => {
  it('is certain only when the CRC-32 verifies', () => {
    expect(runRule(rule, { code: `t = "${user}"` }).map((f) => f.confidence)).toEqual(['high']);
    expect(runRule(rule, { code: `t = "${badSum}"` }).map((f) => f.confidence)).toEqual(['medium']);
  });
});
