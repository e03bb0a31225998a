import { defineSecretRuleSet } from './lib/rule-set.js';
import { isNonSecretDatum, isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

/**
 * PgBouncer's auth_file (userlist.txt): one `"user" "password"` per line. The password is either in clear
 * or a verifier (`md5` and 32 hex, `SCRAM-SHA-256$…`); a SCRAM verifier still lets PgBouncer (or whoever
 * holds the file) log in to the server as that user with SCRAM pass-through, but only clear text is
 * reported here: the verifiers are PostgreSQL's own stored form.
 */
export default defineSecretRuleSet({
  id: 'secrets/pgbouncer-userlist-password',
  description: 'Clear-text password in a PgBouncer userlist.txt',
  severity: 'high',
  confidence: 'high',
  appliesTo: (path) => /(?:^|\/)userlist\.txt$/i.test(path),
  variants: [
    {
      // No keyword: the file name already decides, and `"` occurs everywhere else (each hit cost the
      // scanner a line lookup in every file).
      keywords: [],
      pattern: /(?:^|\n)[ \t]*"[^"\r\n]{1,100}"[ \t]+"(?<secret>[^"\r\n]{1,200})"[ \t]*(?=\r?\n|$)/g,
      placeholders: 'off',
      validate: (s) => s.length >= 6 && !isNonSecretDatum(s) && !isTemplated(s) && !isPlaceholderPassword(s),
      message: 'Clear-text PostgreSQL password in PgBouncer’s userlist.txt committed: it logs in to the database as that user.',
    },
  ],
  revoke: {
    provider: 'The PostgreSQL server PgBouncer connects to',
    url: 'https://www.pgbouncer.org/config.html#authentication-file-format',
    steps: [
      'Change the user’s password on the PostgreSQL server (`ALTER ROLE … PASSWORD …`) and in every client that uses it.',
      'Keep userlist.txt out of the repository, or store SCRAM-SHA-256 verifiers there (or use auth_query) instead of clear text.',
    ],
  },
});
