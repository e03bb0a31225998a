import { expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/axiom-token.js';
import { guardPlaceholders } from '../../../../src/engine/rules/secrets/lib/placeholder-guard.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { HEX, cat, rand } from '../../../helpers/tokens.js';

const uuid = (seed: string): string => {
  const h = rand(32, HEX, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};
const api = cat('xa', 'at-', uuid('axiom-api'));
const personal = cat('xa', 'pt-', uuid('axiom-personal'));

ruleTester(guardPlaceholders(rule), {
  valid: [
    `AXIOM_TOKEN=${cat('xa', 'at-')}XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX`, // the SDK tests' placeholder
    `AXIOM_TOKEN=${cat('xa', 'pt-')}123`,
    `axiom.SetToken("${cat('xa', 'at-')}xyz")`,
    `AXIOM_TOKEN=${cat('xa', 'at-')}00000000-0000-0000-0000-000000000000`,
    `AXIOM_TOKEN=${cat('xa', 'at-', rand(32, HEX, 'nodash'))}`, // no dashes
    `AXIOM_TOKEN=${cat('xa', 'at-', uuid('upper').toUpperCase())}Z`, // not hex
    `AXIOM_TOKEN=${cat('xa', 'at-', uuid('short').slice(0, 30))}`, // cut short
    `dataset = "${uuid('bare')}"`, // a bare UUID
    `const s = "x${api}";`, // inside a longer identifier
    'AXIOM_TOKEN=${AXIOM_TOKEN}',
  ],
  invalid: [
    { code: `AXIOM_TOKEN=${api}`, path: '.env', secret: api, count: 1 },
    { code: `const axiom = new Axiom({ token: '${personal}', orgId: 'acme' });`, path: 'src/log.ts', secret: personal },
    { code: `curl -H 'Authorization: Bearer ${api}' https://api.axiom.co/v1/datasets/logs/ingest`, path: 'ingest.sh', secret: api },
    { code: `logging:\n  axiom_token: "${api}"\n`, path: 'config.yml', secret: api, line: 2 },
  ],
});

it('names a personal token as one', () => {
  expect(runRule(rule, { code: `t = "${personal}"` })[0]!.message).toMatch(/personal token/);
  expect(runRule(rule, { code: `t = "${api}"` })[0]!.message).toMatch(/API token/);
});
