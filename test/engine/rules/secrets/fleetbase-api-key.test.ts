import { expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/fleetbase-api-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { ALNUM, cat, rand } from '../../../helpers/tokens.js';

const live = cat('flb', '_live_', rand(20, ALNUM, 'fbl'));
const test = cat('flb', '_test_', rand(20, ALNUM, 'fbt'));

ruleTester(rule, {
  valid: [
    `FLEETBASE_API_KEY=${cat('flb', '_live_', rand(12, ALNUM, 'short'))}`,
    `FLEETBASE_API_KEY=${cat('flb', '_live_', 'x'.repeat(20))}`,
    `FLEETBASE_API_KEY=${cat('flb', '_live_', rand(28, ALNUM, 'long'))}`,
    'const fleetbase = new Fleetbase(process.env.FLEETBASE_KEY);',
  ],
  invalid: [
    { code: `const fleetbase = new Fleetbase('${live}');`, secret: live, path: 'fleet.js' },
    { code: `FLEETBASE_API_KEY=${test}`, secret: test, path: '.env' },
  ],
});

it('grades a test key medium', () => {
  expect(runRule(rule, { code: `k = "${test}"` })[0]!.severity).toBe('medium');
});
