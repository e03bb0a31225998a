import { expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/pagarme-api-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { ALNUM, cat, rand } from '../../../helpers/tokens.js';

const live = cat('ak', '_live_', rand(30, ALNUM, 'pgl'));
const test = cat('ak', '_test_', rand(30, ALNUM, 'pgt'));

ruleTester(rule, {
  valid: [
    `PAGARME_ENCRYPTION_KEY=${cat('ek', '_live_', rand(30, ALNUM, 'enc'))}`, // for the browser
    `PAGARME_API_KEY=${cat('ak', '_live_', rand(24, ALNUM, 'short'))}`,
    `PAGARME_API_KEY=${cat('ak', '_live_', 'x'.repeat(30))}`,
    'PAGARME_API_KEY=${PAGARME_API_KEY}',
  ],
  invalid: [
    { code: `pagarme.client.connect({ api_key: '${live}' })`, secret: live, path: 'pay.js' },
    { code: `PAGARME_API_KEY=${test}`, secret: test, path: '.env' },
    { code: `PagarMe.api_key = "${live}"`, secret: live, path: 'config/initializers/pagarme.rb' },
  ],
});

it('grades a test key medium', () => {
  expect(runRule(rule, { code: `k = "${test}"` })[0]!.severity).toBe('medium');
  expect(runRule(rule, { code: `k = "${live}"` })[0]!.severity).toBe('critical');
});
