import rule from '../../../../src/engine/rules/secrets/sentry-dsn-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
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
  ],
});
