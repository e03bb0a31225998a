import rule from '../../../../src/engine/rules/secrets/facebook-access-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, B64URL, HEX } from '../../../helpers/tokens.js';

const page = cat('EA', 'AM', rand(160, ALNUM, 'fbp'));
const user = cat('EA', 'AC', rand(110, ALNUM, 'fbu'));
const appToken = cat(rand(16, '0123456789', 'fbid'), '|', rand(27, B64URL, 'fbs'));

ruleTester(rule, {
  valid: [
    `checksum: ${cat('ea', 'ac')}${rand(120, HEX, 'a')}`, // lower case
    `token = "${cat('EA', 'AA')}${rand(100, ALNUM, 'b')}"`, // EAAA is Square's
    `token = "${cat('EA', 'AM')}${rand(40, ALNUM, 'c')}"`, // too short
    `row = "${appToken}"`, // app token shape without the name
    'FACEBOOK_ACCESS_TOKEN=${FACEBOOK_ACCESS_TOKEN}',
    `facebook:\n  region: ${appToken}`, // nested, not a credential key
    `facebook:\n  client_id: ${appToken}`, // nested, an id
    `facebook:\n  access_token: ${cat('1'.repeat(16), '|', 'a'.repeat(27))}`, // nested placeholder
  ],
  invalid: [
    { code: `FACEBOOK_PAGE_TOKEN=${page}`, path: '.env', secret: page, count: 1 },
    { code: `- name: FACEBOOK_TOKEN\n  value: "${user}"`, path: 'deploy.yaml', secret: user, line: 2 },
    { code: `{"facebook access_token":"${appToken}","token_type":"bearer"}`, path: 'a.json', secret: appToken },
    { code: `facebook ${appToken}`, secret: appToken },
    { code: `facebook:\n  access_token: ${appToken}\n`, path: 'config.yml', secret: appToken, count: 1 },
    { code: `[facebook]\naccess_token = "${appToken}"\n`, path: 'settings.toml', secret: appToken },
    { code: `services:\n  - facebook:\n      access_token: ${appToken}\n`, path: 'config.yml', secret: appToken },
  ],
});
