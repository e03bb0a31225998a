import rule from '../../../../src/engine/rules/secrets/stytch-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const key = cat('secret-', 'live-', rand(36, B64URL, 'stytch'));
const test = cat('secret-', 'test-', rand(36, B64URL, 'stytch-test'));

ruleTester(rule, {
  valid: [
    `STYTCH_SECRET=secret-live-${rand(30, B64URL, 'a')}`,
    `name: secret-live-reload-for-the-frontend-watcher-xx`,
    `STYTCH_SECRET=\${STYTCH_SECRET}`,
    `STYTCH_PROJECT_ID=project-live-${rand(36, B64URL, 'b')}`,
  ],
  invalid: [
    { code: `STYTCH_SECRET=${key}`, path: '.env', secret: key, count: 1 },
    { code: `client = stytch.Client(project_id="project-test-x", secret="${test}")`, path: 'auth.py', secret: test },
    { code: `const client = new stytch.Client({ project_id: PID, secret: '${key}' });`, path: 'auth.ts', secret: key },
    { code: `stytch:\n  secret: ${key}`, path: 'config.yml', secret: key },
  ],
});
