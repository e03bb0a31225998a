import rule from '../../../../src/engine/rules/secrets/freshbooks-access-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = rand(64, HEX, 'freshbooks');

ruleTester(rule, {
  valid: [
    `access_token = "${key}"`,
    `FRESHBOOKS_ACCESS_TOKEN=${rand(63, HEX, 'f')}`,
    `FRESHBOOKS_ACCESS_TOKEN=\${FRESHBOOKS_ACCESS_TOKEN}`,
    `freshbooks_account_id = "${key}"`,
    `freshbooks_sha256 = "${key}"`,
  ],
  invalid: [
    { code: `FRESHBOOKS_ACCESS_TOKEN=${key}`, path: '.env', secret: key, count: 1 },
    { code: `freshbooks:\n  client_secret: ${key}`, path: 'config.yml', secret: key },
    { code: `FreshBooksClientSecret = "${key}"`, path: 'Settings.cs', secret: key },
    { code: `{"freshbooks_refresh_token": "${key}"}`, path: 'tokens.json', secret: key },
    { code: `const freshbooksToken = '${key}';`, path: 'billing.js', secret: key },
  ],
});
