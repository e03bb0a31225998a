import rule from '../../../../src/engine/rules/secrets/semaphore-ci-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, LOWER_ALNUM, HEX } from '../../../helpers/tokens.js';

const token = rand(32, LOWER_ALNUM, 'semaphore');

ruleTester(rule, {
  valid: [
    'private final Semaphore semaphore = new Semaphore(4);', // the concurrency primitive
    `semaphore_permits_key = "${rand(32, HEX, 'hex')}"`, // hex: a digest
    `SEMAPHORE_API_TOKEN=${rand(20, LOWER_ALNUM, 'short')}`,
    'SEMAPHORE_API_TOKEN=${SEMAPHORE_API_TOKEN}',
    `semaphore:\n  region: ${token}`, // nested, not a credential key
    `semaphore:\n  client_id: ${token}`, // nested, an id
    `semaphore:\n  api_token: ${'a'.repeat(32)}`, // nested placeholder
  ],
  invalid: [
    { code: `SEMAPHORE_API_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `semaphore.co token = '${token}'`, path: 'notes.py', secret: token },
    { code: `sem context\nsemaphore_token: "${token}"`, path: 'config.yml', secret: token, line: 2 },
    { code: `semaphore:\n  api_token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[semaphore]\napi_token = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - semaphore:\n      api_token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
