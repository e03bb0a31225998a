import rule from '../../../../src/engine/rules/secrets/snyk-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const uuid = (seed: string): string => {
  const h = rand(32, HEX, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const token = uuid('snyk');

ruleTester(rule, {
  valid: [
    `SNYK_ORG_ID=${token}`, // an organisation id, not a credential
    `snyk_project: ${token}`,
    `snyk_token: ${token.replace(/-/g, '')}`, // not a UUID
    `api_token = "${token}"`, // no Snyk name
    'SNYK_TOKEN=${{ secrets.SNYK_TOKEN }}',
    `snyk_token: ${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`,
    `snyk:\n  region: ${token}`, // nested, not a credential key
    `snyk:\n  client_id: ${token}`, // nested, an id
    `snyk:\n  token: ${'0'.repeat(8) + '-0000-0000-0000-' + '0'.repeat(12)}`, // nested placeholder
  ],
  invalid: [
    { code: `set NODE_REQUIRED_VERSION=12.13.1\nset SNYK_API_TOKEN=${token}\nset PATH=%PATH%`, path: 'build.bat', secret: token, line: 2, count: 1 },
    { code: `SNYK_TOKEN: "${token}"`, path: '.gitlab-ci.yml', secret: token },
    { code: `const SNYK_KEY = "${token}"`, path: 'scan.js', secret: token },
    { code: `SNYK_OAUTH_TOKEN ?= "${token}"`, path: 'Makefile', secret: token },
    { code: `<snykToken>\n  ${token}\n</snykToken>`, path: 'settings.xml', secret: token, line: 2 },
    { code: `snyk:\n  token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[snyk]\ntoken = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - snyk:\n      token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
