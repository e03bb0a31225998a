import { expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/trigger-dev-secret-key.js';
import { guardPlaceholders } from '../../../../src/engine/rules/secrets/lib/placeholder-guard.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { ALNUM, cat, rand } from '../../../helpers/tokens.js';

const PAT_ALPHABET = '123456789abcdefghijkmnopqrstuvwxyz';
const prod = cat('tr', '_prod_', rand(24, ALNUM, 'trig-prod'));
const dev = cat('tr', '_dev_', rand(24, ALNUM, 'trig-dev'));
const legacy = cat('tr', '_stg_', rand(20, ALNUM, 'trig-legacy'));
const named = cat('tr', '_preview_', 'sk_', rand(24, ALNUM, 'trig-named'));
const pat = cat('tr', '_pat_', rand(40, PAT_ALPHABET, 'trig-pat'));

ruleTester(guardPlaceholders(rule), {
  valid: [
    `TRIGGER_SECRET_KEY=${cat('tr', '_dev_')}1234`, // the docs' placeholder
    `TRIGGER_SECRET_KEY=${cat('tr', '_dev_')}xxxxx`,
    `TRIGGER_SECRET_KEY=${cat('tr', '_prod_')}${'x'.repeat(24)}`,
    `TRIGGER_SECRET_KEY=${cat('tr', '_dev_', 'sk_')}1234`,
    `TRIGGER_SECRET_KEY=${cat('tr', '_prod_', rand(22, ALNUM, 'mid'))}`, // neither 20 nor 24
    `TRIGGER_SECRET_KEY=${cat('tr', '_prod_', rand(30, ALNUM, 'long'))}`, // too long
    `TRIGGER_SECRET_KEY=${cat('tr', '_qa_', rand(24, ALNUM, 'env'))}`, // not an environment
    `TRIGGER_ACCESS_TOKEN=${cat('tr', '_pat_', rand(40, ALNUM, 'patalnum'))}`, // upper case is not in a PAT
    `TRIGGER_ACCESS_TOKEN=${cat('tr', '_pat_')}bhbd••••••••••••••••••fd4a`, // the dashboard's mask
    `NEXT_PUBLIC_TRIGGER_KEY=${cat('pk', '_prod_', rand(20, ALNUM, 'public'))}`, // a public key
    `const id = "${cat('str', '_prod_', rand(24, ALNUM, 'glued'))}";`, // inside a longer identifier
    'TRIGGER_SECRET_KEY=${TRIGGER_SECRET_KEY}',
  ],
  invalid: [
    { code: `TRIGGER_SECRET_KEY=${prod}`, path: '.env', secret: prod, count: 1 },
    { code: `configure({ secretKey: "${dev}" });`, path: 'src/trigger.ts', secret: dev },
    { code: `TRIGGER_SECRET_KEY="${legacy}"`, path: '.env.staging', secret: legacy },
    { code: `TRIGGER_SECRET_KEY: ${named}`, path: 'deploy.yml', secret: named },
    { code: `TRIGGER_ACCESS_TOKEN=${pat}`, path: '.env', secret: pat },
    { code: `curl -H "Authorization: Bearer ${prod}" https://api.trigger.dev/api/v1/runs`, path: 'runs.sh', secret: prod },
  ],
});

it('grades a development key medium and names a personal access token', () => {
  expect(runRule(rule, { code: `k = "${dev}"` })[0]!.severity).toBe('medium');
  expect(runRule(rule, { code: `k = "${prod}"` })[0]!.severity).toBe('high');
  expect(runRule(rule, { code: `k = "${pat}"` })[0]!.message).toMatch(/personal access token/);
});
