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
  ],
  invalid: [
    { code: `NPM_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `npm_auth_token: "${token}"`, path: 'config.yml', secret: token },
    { code: `export NPM_AUTH_TOKEN='${token}'`, path: 'ci.sh', secret: token },
    { code: `{"npmToken": "${token}"}`, path: 'deploy.json', secret: token },
    { code: `<npmToken>\n  ${token}\n</npmToken>`, path: 'settings.xml', secret: token, line: 2 },
  ],
});
