import rule from '../../../../src/engine/rules/secrets/jenkins-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, HEX } from '../../../helpers/tokens.js';

const token = '11' + rand(32, HEX, 'jenkins');
const legacy = rand(32, HEX, 'jenkins-legacy');

ruleTester(rule, {
  valid: [
    `JENKINS_URL=https://jenkins.acme.io/job/${legacy}/`, // not a credential name
    `jenkins_token: ${rand(32, ALNUM, 'alnum')}`, // not hex
    `jenkins_token: ${rand(20, HEX, 'short')}`,
    'JENKINS_API_TOKEN=${JENKINS_API_TOKEN}',
    "withCredentials([string(credentialsId: 'jenkins-token', variable: 'TOKEN')]) {",
    `curl https://ci:${token}@ci.acme.io/job/x/build # jenkins`, // basic auth, but not to a Jenkins host
    `jenkins:\n  region: ${token}`, // nested, not a credential key
    `jenkins:\n  client_id: ${token}`, // nested, an id
    `jenkins:\n  api_token: ${'1'.repeat(34)}`, // nested placeholder
  ],
  invalid: [
    { code: `JENKINS_API_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `curl -X POST https://deployer:${token}@jenkins.acme.io/job/release/build`, path: 'release.sh', secret: token, count: 1 },
    { code: `jenkins:\n  url: https://ci.acme.io\n  jenkins_api_token: "${legacy}"\n`, path: 'config.yml', secret: legacy, line: 3 },
    { code: `server = Jenkins(url, username="bot", password=None)\njenkins_password = '${token}'`, path: 'trigger.py', secret: token, line: 2 },
    { code: `jenkins:\n  api_token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[jenkins]\napi_token = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - jenkins:\n      api_token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
