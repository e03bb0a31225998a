import rule from '../../../../src/engine/rules/secrets/pgpass-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

const pw = rand(24, undefined, 'pgpass');
const human = cat('Tr0ub4', 'dor&3x');
const escaped = cat(rand(8, undefined, 'pge1'), '\\:', rand(8, undefined, 'pge2'));

ruleTester(rule, {
  valid: [
    { code: '# hostname:port:database:username:password\n', path: '.pgpass' },
    { code: 'localhost:5432:app:app:*\n', path: '.pgpass' },
    { code: 'db.internal:5432:*:postgres:changeme\n', path: '.pgpass' },
    { code: 'db.internal:5432:*:postgres:$PGPASSWORD\n', path: 'pgpass.conf' },
    // Not a password file, and no .pgpass written.
    { code: `localhost:5432:app:app:${pw}\n`, path: 'notes.txt' },
    { code: `echo "localhost:5432:app:app:${pw}" > /tmp/out.txt`, path: 'setup.sh' },
    { code: 'RUN echo "db:5432:*:app:${DB_PASSWORD}" > ~/.pgpass && chmod 600 ~/.pgpass', path: 'Dockerfile' },
    // A Go/IPv6-ish line is not an entry: the port must be a number or `*`.
    { code: 'a:b:c:d:e\n', path: '.pgpass' },
  ],
  invalid: [
    { code: `# prod\ndb.corp.test:5432:app:app_user:${pw}\n`, path: '.pgpass', secret: pw, count: 1, line: 2 },
    { code: `*:*:*:postgres:${human}\n`, path: 'pgpass.conf', secret: human, count: 1 },
    { name: 'an escaped colon in the password', code: `localhost:5432:app:app:${escaped}\n`, path: '.pgpass', secret: escaped, count: 1 },
    { name: 'CRLF line endings', code: `localhost:5432:app:app:${pw}\r\nother:5432:*:ro:*\r\n`, path: 'config/pgpass', secret: pw, count: 1 },
    { name: 'written by a Dockerfile', code: `RUN echo "db:5432:*:app:${pw}" > /root/.pgpass && chmod 600 /root/.pgpass`, path: 'Dockerfile', secret: pw, count: 1 },
    { name: 'appended by a script', code: `echo 'db:*:*:app:${pw}' >> ~/.pgpass`, path: 'ci/setup.sh', secret: pw, count: 1 },
  ],
});
