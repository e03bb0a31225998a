import rule from '../../../../src/engine/rules/secrets/packagecloud-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const token = rand(48, HEX, 'packagecloud');

ruleTester(rule, {
  valid: [
    `PACKAGECLOUD_REPO=${token}`, // not a credential name
    `PACKAGECLOUD_TOKEN=${rand(40, HEX, 'short')}`, // 48 hex exactly
    'PACKAGECLOUD_TOKEN=${PACKAGECLOUD_TOKEN}',
    `PACKAGECLOUD_TOKEN=${'0'.repeat(48)}`,
    `packagecloud:\n  region: ${token}`, // nested, not a credential key
    `packagecloud:\n  client_id: ${token}`, // nested, an id
    `packagecloud:\n  token: ${'a'.repeat(48)}`, // nested placeholder
  ],
  invalid: [
    { code: `PACKAGECLOUD_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `packagecloud token = '${token}'`, path: 'release.rb', secret: token },
    { code: `{"packagecloudToken": "${token}"}`, path: 'config.json', secret: token },
    { code: `packagecloud:\n  token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[packagecloud]\ntoken = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - packagecloud:\n      token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
