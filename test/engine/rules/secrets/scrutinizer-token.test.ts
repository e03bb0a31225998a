import rule from '../../../../src/engine/rules/secrets/scrutinizer-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, LOWER_ALNUM, HEX } from '../../../helpers/tokens.js';

const token = rand(64, LOWER_ALNUM, 'scrutinizer');

ruleTester(rule, {
  valid: [
    `scrutinizer_build_sha: ${token}`, // not a credential name
    `SCRUTINIZER_ACCESS_TOKEN=${rand(64, HEX, 'sha256')}`, // a SHA-256, not a token
    `SCRUTINIZER_ACCESS_TOKEN=${rand(40, LOWER_ALNUM, 'short')}`,
    'SCRUTINIZER_ACCESS_TOKEN=${SCRUTINIZER_ACCESS_TOKEN}',
    `scrutinizer:\n  region: ${token}`, // nested, not a credential key
    `scrutinizer:\n  client_id: ${token}`, // nested, an id
    `scrutinizer:\n  access_token: ${'a'.repeat(64)}`, // nested placeholder
  ],
  invalid: [
    { code: `SCRUTINIZER_ACCESS_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `scrutinizerci token = '${token}'`, path: 'deploy.py', secret: token },
    { code: `scrutinizer:\n  access_token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[scrutinizer]\naccess_token = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - scrutinizer:\n      access_token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
