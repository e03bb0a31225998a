import rule from '../../../../src/engine/rules/secrets/jfrog-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const apiKey = cat('AK', 'Cp') + rand(69, ALNUM, 'akcp');
// Base64 of "reftkn:01:…": 64 characters.
const refToken = cat('cmVm', 'dGtuOjAxOj') + rand(50, ALNUM, 'reftkn');
const identity = rand(64, LOWER_ALNUM, 'jfrog-identity');
const longKey = rand(73, LOWER_ALNUM, 'jfrog-73');
// An encrypted password: AP, a hex digit, then letters and digits.
const encrypted = cat('AP', '6') + rand(50, ALNUM, 'jfrog-ap');

ruleTester(rule, {
  valid: [
    `lowEntropy := ${cat('AK', 'Cp')}${'X'.repeat(69)}`,
    `wrongStart := "${cat('Ak', 'Cp')}${rand(69, ALNUM, 'akcp')}"`,
    `wrongLength := "${cat('AK', 'Cp')}${rand(59, ALNUM, 'akcp59')}"`,
    `partOfAlongUnrelatedBlob gYnkg${cat('cm', 'Vmd')}${rand(59, ALNUM, 'blob')}VyZSB2`,
    `artifactory_sha256: ${rand(64, HEX, 'sha256')}`, // an artifact digest, not a token
    `artifactory_token: ${rand(50, LOWER_ALNUM, 'short')}`, // neither 64 nor 73
    '# RUN --mount=type=secret,id=jfrog_secret JFROG_SECRET=$(cat /run/secrets/jfrog_secret)',
    'ARTIFACTORY_API_KEY=${ARTIFACTORY_API_KEY}',
    `artifactory:\n  region: ${identity}`, // nested, not a credential key
    `artifactory:\n  client_id: ${identity}`, // nested, an id
    `artifactory:\n  access_token: ${'a'.repeat(64)}`, // nested placeholder
    `X-JFrog-Art-Api: ${cat('AP', '6')}xxxxxxxxxx`, // a filler
    `ap_region = "${cat('AP', '6')}${rand(50, ALNUM, 'jfrog-ap')}"`, // no JFrog name
  ],
  invalid: [
    { code: `artifactoryApiKey := "${apiKey}"`, path: 'main.go', secret: apiKey, count: 1 },
    { code: `curl -H "X-JFrog-Art-Api: ${apiKey}" https://acme.jfrog.io/artifactory/api/repositories`, path: 'ci.sh', secret: apiKey },
    { code: `JFROG_ACCESS_TOKEN=${refToken}`, path: '.env', secret: refToken },
    { code: `--set imagePullSecretJfrog.password=${longKey}`, path: 'deploy.sh', secret: longKey },
    { code: `artifactory:\n  jfrog_token: "${identity}"\n`, path: 'values.yaml', secret: identity, line: 2 },
    { code: `credentials("artifactory", "${identity}")`, path: 'build.gradle', secret: identity },
    { code: `artifactory:\n  access_token: ${identity}\n`, path: 'config.yml', secret: identity, count: 1 },
    { code: `[artifactory]\naccess_token = "${identity}"\n`, path: 'settings.toml', secret: identity },
    { code: `curl -H "X-JFrog-Art-Api: ${encrypted}" https://acme.jfrog.io/artifactory/api/system/ping`, path: 'ci.sh', secret: encrypted },
    { code: `artifactory_password=${encrypted}`, path: 'gradle.properties', secret: encrypted },
    { code: `services:\n  - artifactory:\n      access_token: ${identity}\n`, path: 'config.yml', secret: identity },
  ],
});
