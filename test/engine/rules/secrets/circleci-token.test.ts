import rule from '../../../../src/engine/rules/secrets/circleci-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const pat = cat('CCI', 'PAT_', rand(22, ALNUM, 'cci'), '_', rand(40, HEX, 'cci-hex'));
const prj = cat('CCI', 'PRJ_', rand(22, ALNUM, 'ccp'), '_', rand(40, HEX, 'ccp-hex'));
const alnumTail = cat('CCI', 'PAT_', rand(22, ALNUM, 'cci2'), '_', rand(40, LOWER_ALNUM, 'cci-tail'));
const legacy = rand(40, HEX, 'circle-legacy');

ruleTester(rule, {
  valid: [
    `CIRCLE_SHA1=${legacy}`, // a commit SHA, not a credential name
    `circle_token: ${rand(32, HEX, 'short')}`, // legacy tokens are 40 hex
    `circle_token: ${rand(40, ALNUM, 'alnum')}`, // not hex
    `token = "${cat('CCI', 'PAT_')}${rand(22, ALNUM, 'cci')}_${rand(30, HEX, 'x')}"`, // wrong length
    `token = "${cat('CCI', 'PAT_')}${rand(22, ALNUM, 'cci')}_${rand(40, ALNUM, 'upper')}"`, // upper case in the tail
    'CIRCLE_TOKEN=${CIRCLE_TOKEN}',
    'circleci_api_key: {{ .Values.circleci.token }}',
    `circle_token: ${'0'.repeat(40)}`,
    `circleci:\n  region: ${legacy}`, // nested, not a credential key
    `circleci:\n  client_id: ${legacy}`, // nested, an id
    `circleci:\n  token: ${'a'.repeat(40)}`, // nested placeholder
  ],
  invalid: [
    { code: `curl -H "Circle-Token: ${pat}" https://circleci.com/api/v2/me`, path: 'scripts/trigger.sh', secret: pat, count: 1 },
    { code: `CIRCLECI_TOKEN=${prj}`, path: '.env', secret: prj },
    // a tail of lower-case alphanumerics, not only hex
    { code: `CircleCI_PAT = "${alnumTail}"`, path: 'ci.py', secret: alnumTail },
    { code: `api:\n  circleci_api_key: "${legacy}"\n`, path: 'config.yaml', secret: legacy, line: 2 },
    { code: `CIRCLE_TOKEN=${legacy}`, path: '.env', secret: legacy },
    { code: `circleToken := "${legacy}"`, path: 'main.go', secret: legacy },
    { code: `<circleToken>\n    ${legacy}\n</circleToken>`, path: 'credentials.xml', secret: legacy, line: 2 },
    { code: `circleci:\n  token: ${legacy}\n`, path: 'config.yml', secret: legacy, count: 1 },
    { code: `[circleci]\ntoken = "${legacy}"\n`, path: 'settings.toml', secret: legacy },
    { code: `services:\n  - circleci:\n      token: ${legacy}\n`, path: 'config.yml', secret: legacy },
  ],
});
