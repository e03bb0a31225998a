import rule from '../../../../src/engine/rules/secrets/digitalocean-token.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const pat = cat('dop', '_v1_', rand(64, HEX, 'do-pat'));
const oauth = cat('doo', '_v1_', rand(64, HEX, 'do-oauth'));
const refresh = cat('dor', '_v1_', rand(64, HEX, 'do-refresh'));

ruleTester(rule, {
  valid: [
    `token = "${cat('dop', '_v1_', rand(63, HEX, 'short'))}"`,
    `token = "${cat('dop', '_v1_', rand(64, HEX, 'do-pat').toUpperCase())}"`, // not lower-case hex
    `token = "${cat('dop', '_v1_', rand(65, HEX, 'long'))}"`,
    `token = "${cat('dop', '_v2_', rand(64, HEX, 'do-pat'))}"`,
    `token = "${cat('dop', '_v1_', '0'.repeat(64))}"`,
    'DIGITALOCEAN_TOKEN=${DIGITALOCEAN_TOKEN}',
  ],
  invalid: [
    { code: `DIGITALOCEAN_ACCESS_TOKEN=${pat}`, path: '.env', secret: pat, count: 1 },
    { code: `provider "digitalocean" {\n  token = "${pat}"\n}`, path: 'main.tf', secret: pat, line: 2 },
    { code: `curl -H "Authorization: Bearer ${oauth}" https://api.digitalocean.com/v2/droplets`, secret: oauth },
    { code: `{"access_token": "${oauth}", "refresh_token": "${refresh}"}`, path: 'token.json', count: 2 },
    { code: `doToken := "${refresh}"`, path: 'main.go', secret: refresh },
  ],
});

describe('secrets/digitalocean-token messages', () => {
  it('names the kind of token', () => {
    expect(runRule(rule, { code: `t = "${refresh}"` })[0]!.message).toMatch(/refresh token/);
  });
});
