import rule from '../../../../src/engine/rules/secrets/segment-public-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, HEX, cat, rand } from '../../../helpers/tokens.js';

const token = cat('sgp', '_', rand(64, ALNUM, 'segment'));

ruleTester(rule, {
  valid: [
    `SEGMENT_PUBLIC_API_TOKEN: "${cat('sgp', '_', 'supersecretvalue1234567890')}"`, // too short
    `SEGMENT_PUBLIC_API_TOKEN=${cat('sgp', '_', 'x'.repeat(64))}`,
    `SRC_ACCESS_TOKEN=${cat('sgp', '_', rand(16, HEX, 'sg-inst'), '_', rand(40, HEX, 'sg-tok'))}`, // Sourcegraph
    `SRC_ACCESS_TOKEN=${cat('sgp', '_', rand(64, HEX, 'sg-hex'))}`, // hex only: not Segment's shape
    `SEGMENT_PUBLIC_API_TOKEN=${cat('sgp', '_', rand(80, ALNUM, 'long'))}`,
    'const token = env.SEGMENT_PUBLIC_API_TOKEN?.trim();',
  ],
  invalid: [
    { code: `SEGMENT_PUBLIC_API_TOKEN=${token}`, secret: token, path: '.env' },
    { code: `curl -H "Authorization: Bearer ${token}" https://api.segmentapis.com/sources`, secret: token, path: 'sync.sh' },
    { code: `const client = new SegmentClient({ token: '${token}' });`, secret: token, path: 'plans.ts' },
  ],
});
