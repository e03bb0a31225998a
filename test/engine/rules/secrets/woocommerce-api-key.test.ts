import rule from '../../../../src/engine/rules/secrets/woocommerce-api-key.js';
import { guardPlaceholders } from '../../../../src/engine/rules/secrets/lib/placeholder-guard.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { HEX, cat, rand } from '../../../helpers/tokens.js';

const ck = cat('ck_', rand(40, HEX, 'wck'));
const cs = cat('cs_', rand(40, HEX, 'wcs'));

// As the registry runs it: provider-prefixed placeholders (runs, masks) are dropped by the guard.
ruleTester(guardPlaceholders(rule), {
  valid: [
    'WOOCOMMERCE_CONSUMER_KEY=ck_your_consumer_key_here',
    `WOOCOMMERCE_CONSUMER_KEY=${cat('ck_', 'x'.repeat(40))}`,
    `WOOCOMMERCE_CONSUMER_KEY=${cat('ck_', '0123456789abcdef0123456789abcdef01234567')}`,
    `key = "${cat('ck_', rand(32, HEX, 'short'))}"`, // too short
    `id = "${cat('block_', rand(40, HEX, 'blk'))}"`, // another prefix ending in ck_
    'const stack_depth = 4;',
  ],
  invalid: [
    { code: `$woocommerce = new Client('https://shop.test', '${ck}', '${cs}', ['version' => 'wc/v3']);`, count: 2, path: 'sync.php' },
    { code: `WC_CONSUMER_SECRET=${cs}`, secret: cs, path: '.env' },
    { code: `consumerKey: "${ck}",`, secret: ck, path: 'api.js' },
    { code: `curl https://shop.test/wp-json/wc/v3/orders -u ${ck}:${cs}`, count: 2, path: 'README.md' },
  ],
});
