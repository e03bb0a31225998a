import rule from '../../../../src/engine/rules/secrets/plaid-credential.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const uuid = (s: string): string => [8, 4, 4, 4, 12].map((n, i) => rand(n, HEX, s + i)).join('-');
const access = cat('access', '-sandbox-', uuid('pl'));
const prod = cat('access', '-production-', uuid('plp'));
const secret = rand(30, HEX, 'pls');
const alnum = rand(30, LOWER_ALNUM, 'pla');

ruleTester(rule, {
  valid: [
    `plaid_client_id = "${rand(24, HEX, 'id')}"`, // an identifier
    `token = "${cat('access', '-sandbox-')}${rand(20, HEX, 'a')}"`,
    `token = "${cat('access', '-staging-')}${uuid('b')}"`, // no such environment
    `secret = "${secret}"`, // no provider name
    'PLAID_SECRET=${PLAID_SECRET}',
    `plaid:\n  region: ${secret}`, // nested, not a credential key
    `plaid:\n  client_id: ${secret}`, // nested, an id
    `plaid:\n  secret: ${'a'.repeat(30)}`, // nested placeholder
    `plaid:\n  client_id: ${secret.slice(0, 24)}`, // nested, the client id
  ],
  invalid: [
    { code: `const accessToken = "${access}";`, secret: access, count: 1 },
    { code: `PLAID_ACCESS_TOKEN=${prod}`, path: '.env', secret: prod },
    { code: `PLAID_SECRET=${secret}`, path: '.env', secret },
    { code: `plaid:\n  x: 1\nplaid_secret_key: "${alnum}"`, path: 'c.yml', secret: alnum, line: 3 },
    { code: `plaid secret - '${secret}'`, secret },
    { code: `plaid:\n  secret: ${secret}\n`, path: 'config.yml', secret: secret, count: 1 },
    { code: `[plaid]\nsecret = "${secret}"\n`, path: 'settings.toml', secret: secret },
    { code: `services:\n  - plaid:\n      secret: ${secret}\n`, path: 'config.yml', secret: secret },
  ],
});

describe('secrets/plaid-credential', () => {
  it('reports a sandbox token at medium severity, a production one at critical', () => {
    expect(runRule(rule, { code: `const accessToken = "${access}";` })[0]!.severity).toBe('medium');
    expect(runRule(rule, { code: `PLAID_ACCESS_TOKEN=${prod}`, path: '.env' })[0]!.severity).toBe('critical');
  });
});
