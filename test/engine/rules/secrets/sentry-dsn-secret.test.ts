import rule from '../../../../src/engine/rules/secrets/sentry-dsn-secret.js';
import { describe, expect, it } from 'vitest';
import basicAuthUrl from '../../../../src/engine/rules/secrets/basic-auth-url.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const pub = rand(32, HEX, 'sdp');
const secret = rand(32, HEX, 'sds');

ruleTester(rule, {
  valid: [
    `SENTRY_DSN=https://${pub}@o123456.ingest.sentry.io/4504`, // modern DSN: public key only
    `SENTRY_DSN=https://${pub}:${'0'.repeat(32)}@sentry.io/1`,
    'SENTRY_DSN=${SENTRY_DSN}',
  ],
  invalid: [
    { code: `SENTRY_DSN=https://${pub}:${secret}@sentry.io/123`, path: '.env', secret, count: 1 },
    { code: `Raven.config('https://${pub}:${secret}@sentry.example.com/sentry/42').install(); // sentry`, secret },
    { code: `sentry:\n  dsn: "https://${pub}:${secret}@o1.ingest.sentry.io:443/7"\n`, path: 'c.yml', secret, line: 2 },
    // Today's project ids run to 16 digits.
    { code: `  dsn: "https://${pub}:${secret}@o4504238968274944.ingest.sentry.io/4504238969978880",`, path: 'app/entry.client.tsx', secret },
  ],
});

describe('secrets/sentry-dsn-secret: what it grants', () => {
  it('is low confidence, saying that Sentry ignores the secret half', () => {
    const [f] = runRule(rule, { code: `SENTRY_DSN=https://${pub}:${secret}@sentry.io/123`, path: '.env' });
    expect(f!.confidence).toBe('low');
    expect(f!.message).toMatch(/ignores the secret half/);
  });
  it('is no basic-auth URL', () => {
    expect(runRule(basicAuthUrl, { code: `  dsn: "https://${pub}:${secret}@o4504238968274944.ingest.sentry.io/4504238969978880",`, path: 'app/entry.client.tsx' })).toEqual([]);
  });
});
