import rule from '../../../../src/engine/rules/secrets/shopify-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, ALNUM } from '../../../helpers/tokens.js';

const admin = cat('shp', 'at_', rand(32, HEX, 'spa'));
const custom = cat('shp', 'ca_', rand(38, ALNUM, 'spc'));
const legacy = cat('shp', 'pa_', rand(32, HEX, 'spp'));
const shared = cat('shp', 'ss_', rand(32, ALNUM, 'sps'));
const online = cat('shp', 'ua_', rand(32, HEX, 'spu'));

ruleTester(rule, {
  valid: [
    'shpssSSSSS_SSSS_sssss is not api key',
    `token = "${cat('shp', 'at_')}${rand(20, HEX, 'a')}"`,
    `token = "${cat('shp', 'at_')}${'0'.repeat(32)}"`,
    `token = "my${admin}"`,
    'SHOPIFY_ACCESS_TOKEN=${SHOPIFY_ACCESS_TOKEN}',
  ],
  invalid: [
    { code: `SHOPIFY_ACCESS_TOKEN=${admin}`, path: '.env', secret: admin, count: 1 },
    { code: `{"session": {"shop": "demo.myshopify.com", "accessToken": "${online}", "isOnline": true}}`, path: 'test/fixtures/session.json', secret: online },
    { code: `const shopify = new Shopify({ accessToken: '${custom}' });`, secret: custom },
    { code: `shopify:\n  password: ${legacy}\n`, path: 'config.yml', secret: legacy, line: 2 },
    { code: `{"api_secret": "${shared}"}`, path: 'a.json', secret: shared },
    { code: `curl -H "X-Shopify-Access-Token: ${admin}" https://shop.myshopify.com/admin/api/2024-01/shop.json`, path: 'a.sh', secret: admin },
  ],
});
