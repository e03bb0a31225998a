import rule from '../../../../src/engine/rules/secrets/travis-ci-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, LOWER_ALNUM } from '../../../helpers/tokens.js';

const token = rand(22, ALNUM, 'travis');
const lower = rand(22, LOWER_ALNUM, 'travis-lower');

ruleTester(rule, {
  valid: [
    `TRAVIS_BRANCH=${token}`, // not a credential name
    `travis_token: ${rand(30, ALNUM, 'long')}`, // 22 characters exactly
    'travis_api_token: TRAVIS_CI_API_TOKEN_22', // a variable name, not a value
    'travis_token: abcdefghijklmnopqrstuv', // a word run, no digits
    'TRAVIS_TOKEN=${TRAVIS_TOKEN}',
    `travisci keyword is not close to the real key in the data\n = '${token}'`,
    `travis:\n  region: ${token}`, // nested, not a credential key
    `travis:\n  client_id: ${token}`, // nested, an id
    `travis:\n  api_token: ${'a'.repeat(22)}`, // nested placeholder
  ],
  invalid: [
    { code: `TRAVIS_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `travis_api_token: "${lower}"`, path: 'config.yml', secret: lower },
    { code: `travis login --pro --github-token x\ntravis_token = '${token}'`, path: 'deploy.py', secret: token, line: 2 },
    { code: `<travisToken>\n  ${lower}\n</travisToken>`, path: 'settings.xml', secret: lower, line: 2 },
    { code: `System.setProperty("TRAVIS_API_TOKEN", "${token}")`, path: 'Setup.java', secret: token },
    { code: `travis:\n  api_token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[travis]\napi_token = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - travis:\n      api_token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
