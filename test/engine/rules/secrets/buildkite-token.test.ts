import rule from '../../../../src/engine/rules/secrets/buildkite-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, LOWER_ALNUM, HEX } from '../../../helpers/tokens.js';

const token = cat('bk', 'ua_') + rand(40, LOWER_ALNUM, 'bkua');
const legacy = rand(40, LOWER_ALNUM, 'buildkite-legacy');

ruleTester(rule, {
  valid: [
    `token = "${cat('bk', 'ua_')}${rand(30, LOWER_ALNUM, 'short')}"`, // too short
    `token = "${cat('bk', 'ua_')}${rand(40, LOWER_ALNUM, 'bkua').toUpperCase()}"`, // upper case: not the format
    `BUILDKITE_COMMIT=${rand(40, HEX, 'sha')}`, // a commit, not a credential name
    `buildkite_token: ${rand(40, HEX, 'sha2')}`, // hex: a digest, not a token
    `buildkite_secret := "${cat('%c^wz9450iu', '-buildkite_secret-jonx-eab8')}"`, // punctuation: not a token
    'BUILDKITE_API_TOKEN=${BUILDKITE_API_TOKEN}',
    `buildkite:\n  region: ${legacy}`, // nested, not a credential key
    `buildkite:\n  client_id: ${legacy}`, // nested, an id
    `buildkite:\n  api_token: ${'a'.repeat(40)}`, // nested placeholder
  ],
  invalid: [
    { code: `curl -H "Authorization: Bearer ${token}" https://api.buildkite.com/v2/user`, path: 'ci.sh', secret: token, count: 1 },
    { code: `BUILDKITE_API_TOKEN=${token}`, path: '.env', secret: token },
    { code: `buildkite_secret := "${legacy}"\nreq.Header.Set("Authorization", "Bearer " + buildkite_secret)`, path: 'main.go', secret: legacy, line: 1 },
    { code: `buildkite:\n  api_token: x\nbuildkite_token: '${legacy}'`, path: 'config.yml', secret: legacy, line: 3 },
    { code: `buildkite:\n  api_token: ${legacy}\n`, path: 'config.yml', secret: legacy, count: 1 },
    { code: `[buildkite]\napi_token = "${legacy}"\n`, path: 'settings.toml', secret: legacy },
    { code: `services:\n  - buildkite:\n      api_token: ${legacy}\n`, path: 'config.yml', secret: legacy },
  ],
});
