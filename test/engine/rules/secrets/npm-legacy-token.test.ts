import rule from '../../../../src/engine/rules/secrets/npm-legacy-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const uuid = (seed: string): string => {
  const h = rand(32, HEX, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const token = uuid('npm-legacy');

ruleTester(rule, {
  valid: [
    `package_id = "${token}"`, // no npm name
    `npm_package_version = "${token}"`, // npm name, but not a credential
    `npm_token = "${token.replace(/-/g, '')}"`, // not a UUID
    `npm_token = "${token.slice(0, -1)}"`, // wrong length
    `npmtoken keyword is not close to the real key in the data\n = '${token}'`,
    'NPM_TOKEN=${NPM_TOKEN}',
    `NPM_TOKEN=${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`,
    `_authTokenId = "${token}"`, // another name
    `"_authToken": "${token.slice(0, -2)}"`, // not a UUID
    `npm:\n  region: ${token}`, // nested, not a credential key
    `npm:\n  client_id: ${token}`, // nested, an id
    `npm:\n  auth_token: ${'0'.repeat(8) + '-0000-0000-0000-' + '0'.repeat(12)}`, // nested placeholder
  ],
  invalid: [
    { code: `NPM_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `npm_auth_token: "${token}"`, path: 'config.yml', secret: token },
    { code: `export NPM_AUTH_TOKEN='${token}'`, path: 'ci.sh', secret: token },
    { code: `{"npmToken": "${token}"}`, path: 'deploy.json', secret: token },
    { name: "npm's _authToken key outside an npmrc", code: `{\n  "registry": "https://registry.npmjs.org/",\n  "_authToken": "${token}"\n}`, path: 'config.json', secret: token, line: 3 },
    { code: `<npmToken>\n  ${token}\n</npmToken>`, path: 'settings.xml', secret: token, line: 2 },
    { code: `npm:\n  auth_token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[npm]\nauth_token = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - npm:\n      auth_token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
