import rule from '../../../../src/engine/rules/secrets/facebook-app-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX, ALNUM } from '../../../helpers/tokens.js';

const secret = rand(32, HEX, 'fbs');
const alnum = rand(32, ALNUM, 'fba');

ruleTester(rule, {
  valid: [
    `app_secret = "${secret}"`, // no provider name
    `facebook_app_id = "${rand(16, '0123456789', 'id')}"`,
    `facebook_app_secret_id = "${secret}"`, // names an id
    `facebook_app_secret = "${'abcdefgh'.repeat(4)}"`, // no digits
    'FACEBOOK_APP_SECRET=${FACEBOOK_APP_SECRET}',
    `facebook:\n  region: ${secret}`, // nested, not a credential key
    `facebook:\n  client_id: ${secret}`, // nested, an id
    `facebook:\n  app_secret: ${'a'.repeat(32)}`, // nested placeholder
    `facebook:\n  app_id: ${secret}`, // nested, the public app id
    // The client token, which Meta issues to be embedded in native apps beside the app id.
    { code: `<string name="facebook_app_id">${rand(16, '0123456789', 'id2')}</string>\n<string name="facebook_client_token">${secret}</string>`, path: 'app/src/main/res/values/strings_config.xml' },
    `facebook:\n  client_token: ${secret}`,
  ],
  invalid: [
    { code: `facebook_app_secret = "${secret}"`, path: 'a.py', secret, count: 1 },
    { code: `facebook_client_access_token: ${secret}`, path: 'c.yml', secret },
    { code: `FB_APP_SECRET=${alnum}`, path: '.env', secret: alnum },
    { code: `"facebook_secret": "${alnum}"`, path: 'a.json', secret: alnum },
    { code: `facebook:\n  app_secret: ${secret}\n`, path: 'config.yml', secret: secret, count: 1 },
    { code: `[facebook]\napp_secret = "${secret}"\n`, path: 'settings.toml', secret: secret },
    { code: `services:\n  - facebook:\n      app_secret: ${secret}\n`, path: 'config.yml', secret: secret },
  ],
});
