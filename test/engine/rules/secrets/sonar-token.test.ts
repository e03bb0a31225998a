import rule from '../../../../src/engine/rules/secrets/sonar-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const user = cat('sq', 'u_') + rand(40, HEX, 'squ');
const project = cat('sq', 'p_') + rand(40, HEX, 'sqp');
const global = cat('sq', 'a_') + rand(40, HEX, 'sqa');
const org = cat('sq', 'co_') + rand(59, ALNUM, 'sqco');
const legacy = rand(40, LOWER_ALNUM, 'sonar-legacy');

ruleTester(rule, {
  valid: [
    `token = "${cat('sq', 'u_')}${rand(30, HEX, 'short')}"`, // too short
    `token = "${cat('sq', 'u_')}${rand(40, ALNUM, 'alnum')}"`.replace(/[a-f0-9]/, 'Z'), // not hex
    `sonar.projectKey=${legacy}`, // a project key, not a credential
    `sonar.login=admin`,
    `sonar.login=${'a'.repeat(40)}`,
    `sonarcloud token = '@${legacy}'`,
    'SONAR_TOKEN=${{ secrets.SONAR_TOKEN }}',
    `sonar_token: ${rand(32, LOWER_ALNUM, 'short2')}`, // 40 characters exactly
    `sonar:\n  region: ${legacy}`, // nested, not a credential key
    `sonar:\n  client_id: ${legacy}`, // nested, an id
    `sonar:\n  login: ${'a'.repeat(40)}`, // nested placeholder
  ],
  invalid: [
    { code: `SONAR_TOKEN=${user}`, path: '.env', secret: user, count: 1 },
    { code: `mvn sonar:sonar -Dsonar.token=${project} -Dsonar.host.url=https://sonar.acme.io`, path: 'ci.sh', secret: project },
    { code: `sonar-scanner \\\n  -Dsonar.login=${global}`, path: 'scan.sh', secret: global, line: 2 },
    { code: `curl -u ${org}: https://sonarcloud.io/api/projects/search`, path: 'ci.sh', secret: org },
    { code: `sonar.login=${legacy}`, path: 'sonar-project.properties', secret: legacy },
    { code: `const SONAR_LOGIN = "${legacy}";`, path: 'scan.js', secret: legacy },
    { code: `<sonarToken>\n    ${legacy}\n</sonarToken>`, path: 'settings.xml', secret: legacy, line: 2 },
    { code: `sonar:\n  login: ${legacy}\n`, path: 'config.yml', secret: legacy, count: 1 },
    { code: `[sonar]\nlogin = "${legacy}"\n`, path: 'settings.toml', secret: legacy },
    { code: `services:\n  - sonar:\n      login: ${legacy}\n`, path: 'config.yml', secret: legacy },
  ],
});
