import rule from '../../../../src/engine/rules/secrets/clerk-secret-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, cat, rand } from '../../../helpers/tokens.js';

const live = cat('sk', '_live_', rand(42, ALNUM, 'clk'));
const test = cat('sk', '_test_', rand(42, ALNUM, 'clt'));

ruleTester(rule, {
  valid: ['CLERK_SECRET_KEY=${CLERK_SECRET_KEY}', `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${cat('pk', '_live_', rand(40, ALNUM, 'pub'))}`, `CLERK_SECRET_KEY=${cat('sk', '_live_', 'short')}`],
  invalid: [
    { code: `CLERK_SECRET_KEY=${live}`, secret: live, count: 1, path: '.env.local' },
    { code: `const clerk = createClerkClient({ secretKey: "${test}" });`, secret: test, path: 'lib/clerk.ts' },
  ],
});
