import rule from '../../../../src/engine/rules/secrets/codacy-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, LOWER_ALNUM } from '../../../helpers/tokens.js';

const token = rand(20, ALNUM, 'codacy');

ruleTester(rule, {
  valid: [
    `CODACY_PROJECT_NAME=${token}`, // not a credential name
    `CODACY_PROJECT_TOKEN=${rand(20, LOWER_ALNUM, 'lower')}`, // one case: not the format
    `CODACY_PROJECT_TOKEN=${rand(32, ALNUM, 'long')}`,
    'CODACY_PROJECT_TOKEN=${{ secrets.CODACY_PROJECT_TOKEN }}',
    `codacy:\n  region: ${token}`, // nested, not a credential key
    `codacy:\n  client_id: ${token}`, // nested, an id
    `codacy:\n  project_token: ${'a'.repeat(20)}`, // nested placeholder
  ],
  invalid: [
    { code: `CODACY_PROJECT_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `api:\n  codacy_token: "${token}"\n`, path: 'config.yaml', secret: token, line: 2 },
    { code: `codacyApiToken := "${token}"`, path: 'main.go', secret: token },
    { code: `codacy:\n  project_token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[codacy]\nproject_token = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - codacy:\n      project_token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
