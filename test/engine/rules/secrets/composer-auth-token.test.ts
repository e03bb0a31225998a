import rule from '../../../../src/engine/rules/secrets/composer-auth-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { HEX, rand } from '../../../helpers/tokens.js';

const oauth = rand(40, HEX, 'composer-gh');
const gitlab = rand(20, undefined, 'composer-gl');

ruleTester(rule, {
  valid: [
    { code: '{\n    "github-oauth": {\n        "github.com": "%env(GITHUB_TOKEN)%"\n    }\n}\n', path: 'auth.json' },
    { code: '{\n  "github-oauth": {\n    "github.com": "<your-token>"\n  }\n}\n', path: 'auth.json' },
    // Not Composer's file; and http-basic is the generic rules'.
    { code: `{"github-oauth": {"github.com": "${oauth}"}}\n`, path: 'config.json' },
    { code: '{\n  "http-basic": {\n    "repo.example.org": {"username": "u", "password": "p"}\n  }\n}\n', path: 'auth.json' },
  ],
  invalid: [
    { name: 'github-oauth', code: `{\n    "github-oauth": {\n        "github.com": "${oauth}"\n    }\n}\n`, path: 'auth.json', secret: oauth, line: 3 },
    {
      name: 'gitlab-token, second host',
      code: `{\n  "gitlab-token": {\n    "gitlab.com": "${rand(20, undefined, 'glx')}",\n    "gitlab.example.org": "${gitlab}"\n  }\n}\n`,
      path: 'app/auth.json',
      count: 2,
    },
    { name: 'bearer on one line', code: `{"bearer": {"repo.example.org": "${gitlab}"}}\n`, path: 'auth.json', secret: gitlab },
  ],
});
