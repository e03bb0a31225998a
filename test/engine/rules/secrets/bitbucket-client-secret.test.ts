import rule from '../../../../src/engine/rules/secrets/bitbucket-client-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, LOWER_ALNUM, HEX, B64URL } from '../../../helpers/tokens.js';

const key32 = rand(32, ALNUM, 'bb-key');
const secret64 = rand(64, B64URL, 'bb-secret');
const lower32 = rand(32, LOWER_ALNUM, 'bb-lower');

ruleTester(rule, {
  valid: [
    `BITBUCKET_COMMIT=${rand(32, HEX, 'sha')}`, // not a credential name
    `bitbucket_client_secret: ${rand(32, HEX, 'sha')}`, // a hex digest, not a key
    `bitbucket_secret: ${rand(40, ALNUM, 'forty')}`, // neither 32 nor 64 characters
    'BITBUCKET_CLIENT_SECRET=${BITBUCKET_CLIENT_SECRET}',
    'bitbucket_client_secret: {{ .Values.bitbucket.secret }}',
    `client_secret: ${key32}`, // no provider name
    `bitbucket_key: ${'a'.repeat(32)}`,
    `bitbucket:\n  region: ${key32}`, // nested, not a credential key
    `bitbucket:\n  workspace: ${key32}`, // nested, not a credential key
    `bitbucket:\n  client_secret: ${'a'.repeat(32)}`, // nested placeholder
  ],
  invalid: [
    { code: `BITBUCKET_CLIENT_SECRET=${key32}`, path: '.env', secret: key32, count: 1 },
    { code: `bitbucket:\n  oauth:\n    bitbucket_client_secret: "${secret64}"\n`, path: 'config.yml', secret: secret64, line: 3 },
    { code: `{"bitbucketConsumerKey": "${lower32}"}`, path: 'settings.json', secret: lower32 },
    { code: `String bitbucketSecret = "${secret64}";`, path: 'Config.java', secret: secret64 },
    { code: `<bitbucketToken>\n    ${lower32}\n</bitbucketToken>`, path: 'credentials.xml', secret: lower32, line: 2 },
    { code: `System.setProperty("BITBUCKET_TOKEN", "${key32}")`, path: 'Setup.java', secret: key32 },
    { code: `bitbucket:\n  client_secret: ${key32}\n`, path: 'config.yml', secret: key32, count: 1 },
    { code: `[bitbucket]\nclient_secret = "${key32}"\n`, path: 'settings.toml', secret: key32 },
    { code: `services:\n  - bitbucket:\n      client_secret: ${key32}\n`, path: 'config.yml', secret: key32 },
  ],
});
