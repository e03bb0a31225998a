import rule from '../../../../src/engine/rules/secrets/scrapfly-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, HEX, cat, rand } from '../../../helpers/tokens.js';

const key = cat('scp', '-live-', rand(32, HEX, 'scrapfly'));

ruleTester(rule, {
  valid: [
    'SCRAPFLY_API_KEY=scp-live-your-key-here',
    'log = "test/build/scp-live-tests.log"',
    `SCRAPFLY_API_KEY=${cat('scp', '-live-', '0'.repeat(32))}`,
    `SCRAPFLY_API_KEY=${cat('scp', '-live-', rand(32, ALNUM, 'mixed'))}`,
    `SCRAPFLY_API_KEY=${cat('scp', '-live-', rand(20, HEX, 'short'))}`,
    'client = ScrapflyClient(key=os.environ["SCRAPFLY_API_KEY"])',
  ],
  invalid: [
    { code: `SCRAPFLY_API_KEY=${key}`, secret: key, path: '.env' },
    { code: `with ScrapflyClient(key="${key}", max_concurrency=2) as client:`, secret: key, path: 'scrape.py' },
    { code: `const SCRAPFLY_KEY = '${key}';`, secret: key, path: 'scrape.js' },
  ],
});
