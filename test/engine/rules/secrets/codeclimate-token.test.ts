import rule from '../../../../src/engine/rules/secrets/codeclimate-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const reporter = rand(64, HEX, 'cc-reporter');
const api = rand(40, HEX, 'cc-api');

ruleTester(rule, {
  valid: [
    `CODECLIMATE_REPO_SHA=${api}`, // not a credential name
    `CC_TEST_REPORTER_ID=${rand(50, HEX, 'odd')}`, // neither 40 nor 64
    'CC_TEST_REPORTER_ID: ${{ secrets.CC_TEST_REPORTER_ID }}',
    `codeclimate_token: ${'1'.repeat(40)}`,
    `codeclimate:\n  region: ${reporter}`, // nested, not a credential key
    `codeclimate:\n  endpoint: ${reporter}`, // nested, not a credential key
    `codeclimate:\n  test_reporter_id: ${'a'.repeat(64)}`, // nested placeholder
  ],
  invalid: [
    { code: `env:\n  CC_TEST_REPORTER_ID: ${reporter}\n`, path: '.github/workflows/ci.yml', secret: reporter, line: 2, count: 1 },
    { code: `codeclimate_token: "${api}"`, path: 'config.yml', secret: api },
    { code: `export CODECLIMATE_API_TOKEN='${api}'`, path: 'ci.sh', secret: api },
    { code: `codeclimate:\n  test_reporter_id: ${reporter}\n`, path: 'config.yml', secret: reporter, count: 1 },
    { code: `[codeclimate]\ntest_reporter_id = "${reporter}"\n`, path: 'settings.toml', secret: reporter },
    { code: `services:\n  - codeclimate:\n      test_reporter_id: ${reporter}\n`, path: 'config.yml', secret: reporter },
  ],
});
