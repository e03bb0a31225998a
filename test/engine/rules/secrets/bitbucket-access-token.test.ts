import rule from '../../../../src/engine/rules/secrets/bitbucket-access-token.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL, B64 } from '../../../helpers/tokens.js';
import { crc32 } from '../../../../src/engine/checksum.js';

/** An Atlassian-style token: body, `=`, upper-case hex CRC-32 of everything up to the `=`. */
const atlassian = (prefix: string, seed: string): string => {
  const head = cat(prefix, rand(180, B64URL, seed), '=');
  return head + crc32(head).toString(16).toUpperCase().padStart(8, '0');
};
const CT = cat('ATC', 'TT3');
const verified = atlassian(CT, 'atctt3');
const badSum = verified.slice(0, -8) + (verified.endsWith('00000000') ? '11111111' : '00000000');
const dc = cat('BB', 'DC-') + rand(44, B64, 'bbdc');

ruleTester(rule, {
  valid: [
    `token = "${CT}${rand(40, B64URL, 'short')}=0A1B2C3D"`, // too short for an access token
    `token = "${CT}${'x'.repeat(180)}=0A1B2C3D"`,
    `token = "${cat('BB', 'DC-')}${rand(20, B64, 'dc')}"`, // too short
    `token = "${cat('BB', 'DC-')}${rand(44, B64, 'bbdc').toUpperCase()}"`, // one case: not base64 of a token
    `token = "${cat('BB', 'DC-')}${'1'.repeat(40)}"`,
    'BITBUCKET_ACCESS_TOKEN=${BITBUCKET_ACCESS_TOKEN}',
  ],
  invalid: [
    { code: `BITBUCKET_ACCESS_TOKEN=${verified}`, path: '.env', secret: verified, count: 1 },
    { code: `curl -H "Authorization: Bearer ${verified}" https://api.bitbucket.org/2.0/repositories/ws/repo`, secret: verified },
    { code: `git clone https://x-token-auth:${verified}@bitbucket.org/ws/repo.git`, secret: verified },
    { code: `ACCESS_TOKEN = "${badSum}"`, path: 'sync.py', secret: badSum, count: 1 },
    { code: `bitbucket:\n  url: https://git.example.com:7990\n  token: ${dc}\n`, path: 'config.yml', secret: dc, line: 3 },
  ],
});

describe('secrets/bitbucket-access-token checksum', () => {
  it('is certain only when the CRC-32 verifies', () => {
    expect(runRule(rule, { code: `t = "${verified}"` }).map((f) => f.confidence)).toEqual(['high']);
    expect(runRule(rule, { code: `t = "${badSum}"` }).map((f) => f.confidence)).toEqual(['medium']);
  });
});
