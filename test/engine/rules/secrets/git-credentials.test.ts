import rule from '../../../../src/engine/rules/secrets/git-credentials.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { githubToken, rand } from '../../../helpers/tokens.js';

const tok = githubToken('ghp', 'gitcred');
const pw = rand(20, undefined, 'gitpw');

ruleTester(rule, {
  valid: [
    { code: 'https://user:password@github.com\n', path: '.git-credentials' },
    { code: 'https://${GIT_USER}:${GIT_TOKEN}@gitlab.com\n', path: '.git-credentials' },
    { code: 'https://me@github.com\n', path: '.git-credentials' },
    // The same line elsewhere is basic-auth-url's business.
    { code: `https://me:${pw}@bitbucket.org`, path: 'README.md' },
  ],
  invalid: [
    { code: `https://ci-bot:${tok}@github.com\nhttps://me:${pw}@bitbucket.org\n`, count: 2, line: 1, path: '.git-credentials' },
    { code: `https://${tok}@github.com\n`, secret: tok, path: 'home/me/.git-credentials' },
  ],
});
