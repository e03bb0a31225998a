import rule from '../../../../src/engine/rules/secrets/sentry-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, ALNUM } from '../../../helpers/tokens.js';

const claims = Buffer.from(JSON.stringify({ iat: 1700000000.5, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme' })).toString('base64');
const org = cat('sntr', 'ys_', claims, '_', rand(43, ALNUM, 'sto'));
const user = cat('sntr', 'yu_', rand(64, HEX, 'stu'));
const legacy = rand(64, HEX, 'stl');

ruleTester(rule, {
  valid: [
    `token = "${cat('sntr', 'ys_')}${rand(90, ALNUM, 'a')}_${rand(43, ALNUM, 'b')}"`, // no encoded claims
    `token = "${cat('sntr', 'ys_')}${claims}_${rand(42, ALNUM, 'c')}"`, // secret one short
    `token = "${cat('sntr', 'yu_')}${rand(63, HEX, 'd')}"`,
    `token = "${cat('sntr', 'yu_')}${'a'.repeat(64)}"`,
    `sha256 = "${legacy}"`, // no provider name
    'SENTRY_AUTH_TOKEN=${SENTRY_AUTH_TOKEN}',
    `sentry:\n  region: ${legacy}`, // nested, not a credential key
    `sentry:\n  client_id: ${legacy}`, // nested, an id
    `sentry:\n  auth_token: ${'a'.repeat(64)}`, // nested placeholder
  ],
  invalid: [
    { code: `SENTRY_AUTH_TOKEN=${org}`, path: '.env', secret: org, count: 1 },
    { code: `<token>${org}</token>`, path: 'a.xml', secret: org },
    { code: `sentry_token := ${user}`, path: 'main.go', secret: user },
    { code: `defaults:\n  auth:\n    token: ${user}\n`, path: '.sentryclirc', secret: user, line: 3 },
    { code: `sentry_token := ${legacy}`, path: 'main.go', secret: legacy },
    { code: `sentry:\n  auth_token: ${legacy}\n`, path: 'config.yml', secret: legacy, count: 1 },
    { code: `[sentry]\nauth_token = "${legacy}"\n`, path: 'settings.toml', secret: legacy },
    { code: `services:\n  - sentry:\n      auth_token: ${legacy}\n`, path: 'config.yml', secret: legacy },
  ],
});
