import rule from '../../../../src/engine/rules/secrets/htpasswd.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, cat, rand } from '../../../helpers/tokens.js';

const CRYPT = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const apr1 = cat('$apr1$', rand(8, CRYPT, 'salt'), '$', rand(22, CRYPT, 'h1'));
const bcrypt = cat('$2y$', '10$', rand(53, CRYPT, 'h2'));
const sha = cat('{SHA}', rand(27, B64, 'h3'), '=');

ruleTester(rule, {
  valid: [
    // Only htpasswd files are checked: bcrypt hashes in seed data are not this rule's business.
    { code: `admin:${bcrypt}`, path: 'db/seeds.sql' },
    { code: '# managed by ansible\n', path: '.htpasswd' },
    { code: 'admin:changeme', path: '.htpasswd' },
  ],
  invalid: [
    { code: `admin:${apr1}\nops:${bcrypt}\n`, count: 2, line: 1, path: 'deploy/.htpasswd' },
    { code: `stats:${sha}\n`, secret: sha, path: 'nginx/htpasswd' },
  ],
});
