import rule from '../../../../src/engine/rules/secrets/contentful-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const pat = cat('CF', 'PAT-', rand(43, B64URL, 'cf'));
const delivery = rand(43, B64URL, 'cfd');

ruleTester(rule, {
  valid: [
    `contentful_access_token: "${cat('CF', 'PAT-')}"`, // prefix only
    `token = "${cat('CF', 'PAT-')}${rand(30, B64URL, 'a')}"`,
    `access_token = "${delivery}"`, // no provider name
    `contentful_space_id = "${rand(12, 'abcdefghijklmnopqrstuvwxyz0123456789', 'b')}"`,
    'CONTENTFUL_ACCESS_TOKEN=${CONTENTFUL_ACCESS_TOKEN}',
    `contentful:\n  space_id: ${delivery}`, // nested, not a credential key
    `contentful:\n  access_token: ${'x'.repeat(43)}`, // nested placeholder
  ],
  invalid: [
    { code: `CONTENTFUL_MANAGEMENT_TOKEN=${pat}`, path: '.env', secret: pat, count: 1 },
    { code: `const client = contentful.createClient({ accessToken: '${pat}' });`, secret: pat },
    { code: `CONTENTFUL_DELIVERY_TOKEN=${delivery}`, path: '.env', secret: delivery },
    { code: `api:\n  contentful_access_token: "${delivery}"\n`, path: 'c.yml', secret: delivery, line: 2 },
    { code: `contentful:\n  access_token: ${delivery}\n`, path: 'config.yml', secret: delivery, count: 1 },
    { code: `[contentful]\ndelivery_token = "${delivery}"\n`, path: 'settings.toml', secret: delivery },
    { code: `cms:\n  - contentful:\n      preview_token: ${delivery}\n`, path: 'config.yml', secret: delivery },
    { code: `module.exports = {\n  contentful: {\n    accessToken: '${delivery}',\n  },\n};`, path: 'gatsby-config.js', secret: delivery },
  ],
});
