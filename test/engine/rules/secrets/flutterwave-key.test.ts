import rule from '../../../../src/engine/rules/secrets/flutterwave-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';
import { expect, it } from 'vitest';

const secret = cat('FLW', 'SECK-', rand(32, LOWER_ALNUM, 'flws'), '-X');
const testSecret = cat('FLW', 'SECK_TEST-', rand(32, HEX, 'flwt'), '-X');
const enc = cat('FLW', 'SECK_TEST', rand(12, HEX, 'flwe'));
const pub = cat('FLW', 'PUBK_TEST-', rand(32, HEX, 'flwp'), '-X');

ruleTester(rule, {
  valid: [
    `key = "${cat('FLW', 'SECK-')}${rand(32, HEX, 'a')}"`, // no -X
    `key = "${cat('FLW', 'SECK-')}${'x'.repeat(32)}-X"`,
    `key = "${cat('FLW', 'SECK_TEST')}${rand(8, HEX, 'b')}"`, // encryption key too short
    'FLW_SECRET_KEY=${FLW_SECRET_KEY}',
  ],
  invalid: [
    { code: `FLW_SECRET_KEY=${secret}`, path: '.env', secret, count: 1 },
    { code: `const flw = new Flutterwave(PUBLIC_KEY, "${testSecret}");`, secret: testSecret, count: 1 },
    { code: `flutterwave:\n  encryption_key: ${enc}\n`, path: 'config.yml', secret: enc, line: 2 },
    { code: `flutterwavePubKey := "${pub}"`, path: 'main.go', secret: pub },
  ],
});

it('reports public keys at low severity and confidence', () => {
  const [f] = runRule(rule, { code: `k = "${pub}"` });
  expect([f!.severity, f!.confidence]).toEqual(['low', 'low']);
  expect(runRule(rule, { code: `k = "${secret}"` })[0]!.severity).toBe('critical');
});
