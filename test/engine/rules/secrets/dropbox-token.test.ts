import rule from '../../../../src/engine/rules/secrets/dropbox-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL, LOWER_ALNUM } from '../../../helpers/tokens.js';

const shortLived = cat('s', 'l.', rand(138, B64URL, 'dbx'));
const longLived = cat(rand(11, LOWER_ALNUM, 'dbl1'), 'AAAAAAAAAA', rand(43, B64URL, 'dbl2'));
const appSecret = rand(15, LOWER_ALNUM, 'dbs');

ruleTester(rule, {
  valid: [
    `x = "${cat('s', 'l.')}${rand(40, B64URL, 'a')}"`, // too short
    `x = "ssl.${rand(138, B64URL, 'b')}"`, // part of a word
    `x = "${cat('s', 'l.')}${rand(138, LOWER_ALNUM, 'c')}"`, // no mixed case
    `app_secret = "${appSecret}"`, // no provider name
    'DROPBOX_ACCESS_TOKEN=${DROPBOX_ACCESS_TOKEN}',
    `dropbox:\n  region: ${longLived}`, // nested, not a credential key
    `dropbox:\n  client_id: ${longLived}`, // nested, an id
    `dropbox:\n  access_token: ${'a'.repeat(15)}`, // nested placeholder
    // The app key is the app's public client id (its secret is the credential).
    `DROPBOX_APP_KEY=${appSecret}`,
    `o.Dropbox.choose({app_key:r.AppSettingsModel.dropboxAppKey||"${appSecret}",link_type:"direct"})`,
    `dropbox:\n  app_key: ${appSecret}`,
  ],
  invalid: [
    { code: `DROPBOX_ACCESS_TOKEN=${shortLived}`, path: '.env', secret: shortLived, count: 1 },
    { code: `dbx = dropbox.Dropbox("${shortLived}")`, path: 'a.py', secret: shortLived },
    { code: `dropbox_token: ${longLived}`, path: 'c.yml', secret: longLived },
    { code: `DROPBOX_APP_SECRET=${appSecret}`, path: '.env', secret: appSecret },
    { code: `dropbox:\n  access_token: ${longLived}\n`, path: 'config.yml', secret: longLived, count: 1 },
    { code: `[dropbox]\naccess_token = "${longLived}"\n`, path: 'settings.toml', secret: longLived },
    { code: `services:\n  - dropbox:\n      access_token: ${longLived}\n`, path: 'config.yml', secret: longLived },
  ],
});
