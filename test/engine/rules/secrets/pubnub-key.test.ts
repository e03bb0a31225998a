import { expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/pubnub-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { B64, HEX, cat, rand } from '../../../helpers/tokens.js';

const uuid = (seed: string): string => {
  const h = rand(32, HEX, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
// A secret key is the base64 of a UUID, as the Admin Portal shows it.
const secret = cat('sec', '-c-', Buffer.from(uuid('pn-sec')).toString('base64'));
const publish = cat('pub', '-c-', uuid('pn-pub'));
const subscribe = cat('sub', '-c-', uuid('pn-sub'));

ruleTester(rule, {
  valid: [
    `subscribeKey: "${subscribe}"`, // reads only
    `PUBNUB_SECRET_KEY=${cat('sec', '-c-', 'x'.repeat(48))}`,
    `publishKey: "${cat('pub', '-c-', '00000000-0000-0000-0000-000000000000')}"`,
    `publishKey: "${cat('pub', '-c-', 'demo')}"`,
    `secretKey: "${cat('sec', '-c-', rand(12, B64, 'short'))}"`,
  ],
  invalid: [
    { code: `const pubnub = new PubNub({ publishKey: "${publish}", subscribeKey: "${subscribe}", secretKey: "${secret}", userId: "server" });`, count: 2, path: 'server.js' },
    { code: `PUBNUB_SECRET_KEY=${secret}`, secret, path: '.env' },
    { code: `pnconfig.publish_key = '${publish}'`, secret: publish, path: 'app.py' },
  ],
});

it('reports a publish key lower than a secret key', () => {
  expect(runRule(rule, { code: `k = "${publish}"` })[0]).toMatchObject({ severity: 'medium', confidence: 'medium' });
  expect(runRule(rule, { code: `k = "${secret}"` })[0]!.severity).toBe('high');
});
