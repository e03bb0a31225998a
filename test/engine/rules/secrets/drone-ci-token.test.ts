import rule from '../../../../src/engine/rules/secrets/drone-ci-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, HEX } from '../../../helpers/tokens.js';

const token = rand(32, ALNUM, 'drone');

ruleTester(rule, {
  valid: [
    `DRONE_SERVER=${token}`, // not a credential name
    `DRONE_COMMIT_SHA_SHORT_TOKEN=${rand(32, HEX, 'sha')}`, // hex: a digest
    `drone_token: ${rand(40, ALNUM, 'long')}`, // 32 characters exactly
    'DRONE_TOKEN=${DRONE_TOKEN}',
    'drone_token: abcdefghijklmnopqrstuvwxyzabcdef',
    `drone:\n  region: ${token}`, // nested, not a credential key
    `drone:\n  client_id: ${token}`, // nested, an id
    `drone:\n  token: ${'a'.repeat(32)}`, // nested placeholder
  ],
  invalid: [
    { code: `DRONE_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `api:\n  droneci_secret: "${token}"\n`, path: 'config.yaml', secret: token, line: 2 },
    { code: `export DRONE_TOKEN="${token}"\ndrone build ls acme/app`, path: 'ci.sh', secret: token },
    { code: `<droneciToken>\n    ${token}\n</droneciToken>`, path: 'settings.xml', secret: token, line: 2 },
    { code: `drone:\n  token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[drone]\ntoken = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - drone:\n      token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
