import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { genericFindings, isGeneratedDataFile } from './lib/assignment-verdict.js';
import { PAIR_KEYWORDS, POSITIONAL_KEYWORDS } from './lib/assignments.js';

/**
 * A literal, human-chosen password assigned to a password field (`password = "…"`, `DB_PASS=…`,
 * `<password>…</password>`). Not random enough for generic-secret, so
 * lower confidence: placeholders, words, identifiers, references and prose are dropped first.
 */
// Beyond this many in one file (a dump or a generated blob) the rest add nothing; it keeps scans linear.
const MAX_FINDINGS = 200;

const rule: Rule = {
  meta: {
    id: 'secrets/generic-password',
    family: 'secrets',
    severity: 'medium',
    confidence: 'low',
    description: 'Literal password assigned to a password field',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The system the password logs in to (database, service account, mail server …)',
      steps: [
        'Find where the account is used (the config section, connection code or deployment manifest).',
        'Change the password on that system; if it is shared or a default, change it everywhere it is reused.',
        "Review the system's login history since the commit.",
        'Inject the new password from a secret manager or CI secret; keep only a placeholder in the repository.',
      ],
    },
  },
  // The credential words (and SSSD's authtok, a Wi-Fi psk), SQL's IDENTIFIED BY, and calls that take a password by position (assignments.ts).
  keywords: ['pass', 'pw', 'masterauth', 'authtok', 'psk', 'contrase', 'senha', 'identified', ...POSITIONAL_KEYWORDS, ...PAIR_KEYWORDS],
  scope: 'line',
  fallback: true,
  appliesTo: (path) => !isGeneratedDataFile(path),
  check(file: FileView): RawFinding[] {
    return genericFindings(
      file,
      'password',
      MAX_FINDINGS,
      (j) => `Literal password hard-coded in \`${j.assignment.name.slice(0, 60)}\`: change it on the system it logs in to and inject it at run time.`,
    );
  },
};

export default rule;
