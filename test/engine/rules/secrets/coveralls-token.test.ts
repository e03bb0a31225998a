import rule from '../../../../src/engine/rules/secrets/coveralls-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, HEX } from '../../../helpers/tokens.js';

const token = rand(35, ALNUM, 'coveralls');

ruleTester(rule, {
  valid: [
    `COVERALLS_SERVICE_NAME=${token}`, // not a credential name
    `COVERALLS_REPO_TOKEN=${rand(32, HEX, 'hex')}`, // a hex digest
    `COVERALLS_REPO_TOKEN=${rand(20, ALNUM, 'short')}`,
    'COVERALLS_REPO_TOKEN=${{ secrets.COVERALLS_REPO_TOKEN }}',
    `coveralls:\n  region: ${token}`, // nested, not a credential key
    `coveralls:\n  client_id: ${token}`, // nested, an id
    `coveralls:\n  repo_token: ${'a'.repeat(35)}`, // nested placeholder
  ],
  invalid: [
    { code: `COVERALLS_REPO_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `repo_token: x\ncoveralls_token: "${token}"`, path: '.coveralls.yml', secret: token, line: 2 },
    { code: `<coverallsRepoToken>\n  ${token}\n</coverallsRepoToken>`, path: 'pom.xml', secret: token, line: 2 },
    { code: `coveralls:\n  repo_token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[coveralls]\nrepo_token = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - coveralls:\n      repo_token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
