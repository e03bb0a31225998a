import { expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/inngest-signing-key.js';
import { guardPlaceholders } from '../../../../src/engine/rules/secrets/lib/placeholder-guard.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { ALNUM, HEX, cat, rand } from '../../../helpers/tokens.js';

const P = cat('sign', 'key-');
const prod = cat(P, 'prod-', rand(64, HEX, 'inngest-prod'));
const test = cat(P, 'test-', rand(64, HEX, 'inngest-test'));
const branch = cat(P, 'branch-', rand(64, HEX, 'inngest-branch'));

ruleTester(guardPlaceholders(rule), {
  valid: [
    `INNGEST_SIGNING_KEY=${P}test-12345`, // the SDK tests' placeholder
    `INNGEST_SIGNING_KEY=${P}prod-${'0'.repeat(64)}`,
    `INNGEST_SIGNING_KEY=${P}prod-${'x'.repeat(64)}`,
    `INNGEST_SIGNING_KEY=${P}prod-${rand(40, HEX, 'short')}`, // too short
    `INNGEST_SIGNING_KEY=${P}prod-${rand(64, ALNUM, 'alnum')}`, // not hex
    `INNGEST_SIGNING_KEY=${P}prod-${rand(64, HEX, 'upper').toUpperCase()}X`, // upper case, too long
    `INNGEST_SIGNING_KEY=${P}staging-${rand(64, HEX, 'env')}`, // not an Inngest environment
    `const k = "${cat('my', P, 'prod-', rand(64, HEX, 'glued'))}";`,
    'INNGEST_SIGNING_KEY=${INNGEST_SIGNING_KEY}',
  ],
  invalid: [
    { code: `INNGEST_SIGNING_KEY=${prod}`, path: '.env', secret: prod, count: 1 },
    { code: `export const inngest = new Inngest({ id: 'app', signingKey: '${prod}' });`, path: 'src/inngest.ts', secret: prod },
    { code: `INNGEST_SIGNING_KEY_FALLBACK: "${test}"`, path: 'deploy.yml', secret: test },
    { code: `signing_key = "${branch}"`, path: 'app.py', secret: branch },
  ],
});

it('grades test and branch environment keys medium', () => {
  expect(runRule(rule, { code: `k = "${prod}"` })[0]!.severity).toBe('high');
  expect(runRule(rule, { code: `k = "${test}"` })[0]!.severity).toBe('medium');
  expect(runRule(rule, { code: `k = "${branch}"` })[0]!.severity).toBe('medium');
});
