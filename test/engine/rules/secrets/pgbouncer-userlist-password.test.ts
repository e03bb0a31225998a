import rule from '../../../../src/engine/rules/secrets/pgbouncer-userlist-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, HEX, cat, rand } from '../../../helpers/tokens.js';

const pw = cat(rand(12, undefined, 'pgb'), '!q');
const scram = cat('SCRAM-SHA-256$4096:', rand(24, B64, 'salt'), '$', rand(44, B64, 'sk'), ':', rand(44, B64, 'svk'));

ruleTester(rule, {
  valid: [
    { code: `"app" "md5${rand(32, HEX, 'pgbmd5')}"\n`, path: 'pgbouncer/userlist.txt' },
    { code: `"app" "${scram}"\n`, path: 'userlist.txt' },
    { code: '"app" "changeme"\n"stats" "${STATS_PASSWORD}"\n', path: 'userlist.txt' },
    // Not PgBouncer's file.
    { code: `"app" "${pw}"\n`, path: 'names.txt' },
  ],
  invalid: [{ name: 'clear-text user', code: `"stats" "md5${rand(32, HEX, 'x')}"\n"app" "${pw}"\n`, path: 'pgbouncer/userlist.txt', secret: pw, line: 2, count: 1 }],
});
