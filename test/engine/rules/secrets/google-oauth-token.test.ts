import rule from '../../../../src/engine/rules/secrets/google-oauth-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const access = cat('ya', '29.', rand(160, B64URL, 'ya'));
const refresh = cat('1/', '/0', rand(100, B64URL, 'rt'));

ruleTester(rule, {
  valid: [
    // A test's label after the prefix: words, not a token.
    'let token = "ya29.plaintext-access-token-value";',
    // A realistic head and a label.
    `let plaintext = "${cat('ya', '29.a0AfH6SMBx')}-some-access-token";`,
    `token = "${cat('ya', '29.')}abc"`,
    `token = "${cat('ya', '29.')}${'x'.repeat(60)}"`,
    `path = "a/b/${cat('1/', '/0')}${rand(50, B64URL, 'p')}"`, // inside a path
    'GOOGLE_ACCESS_TOKEN=${GOOGLE_ACCESS_TOKEN}',
  ],
  invalid: [
    { code: `"google_secret": "${access}"`, path: 'a.json', secret: access, count: 1 },
    { code: `curl -H "Authorization: Bearer ${access}" https://www.googleapis.com/drive/v3/files`, path: 'a.sh', secret: access },
    { code: `creds = Credentials(token=None, refresh_token="${refresh}")`, path: 'a.py', secret: refresh },
    { code: `google:\n  refresh_token: ${refresh}\n`, path: 'c.yml', secret: refresh, line: 2 },
  ],
});
