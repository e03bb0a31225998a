import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { genericFindings, isGeneratedDataFile } from './lib/assignment-verdict.js';
import { PAIR_KEYWORDS, POSITIONAL_KEYWORDS, SIGNING_KEYWORDS } from './lib/assignments.js';

const KIND_LABEL: Record<string, string> = {
  password: 'password',
  secret: 'secret',
  token: 'token',
  key: 'key',
  credential: 'credential',
  auth: 'credential',
};

/**
 * A random-looking literal assigned to a credential name (`client_secret = "…"`, `API_TOKEN=…`,
 * `"password": "…"`, `<add key="ApiKey" value="…"/>`) in code, env, YAML, JSON, properties/INI, XML or HCL.
 * A catch-all: provider rules that know the format win on the same span.
 */
// Beyond this many in one file (a dump or a generated blob) the rest add nothing; it keeps scans linear.
const MAX_FINDINGS = 200;

const rule: Rule = {
  meta: {
    id: 'secrets/generic-secret',
    family: 'secrets',
    severity: 'high',
    confidence: 'medium',
    description: 'High-entropy secret assigned to a credential-named variable or key',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The service that issued the credential (named by the variable or the surrounding config)',
      steps: [
        'Identify the issuing service from the variable name, the config section or the code that uses it.',
        'Revoke or regenerate the credential in that service (API key, client secret, token or password) and check its access logs since the commit.',
        'Store the replacement in a secret manager or CI secret and read it from the environment at run time.',
        'If the value is a test fixture, replace it with an obvious placeholder or mark the line `tokenwarden:allow` with a reason.',
      ],
    },
  },
  // `identified`: SQL's `IDENTIFIED BY '…'` sets a password without naming one. `pat` only before an
  // operator or a quote (`ADO_PAT=`, `"gh_pat":`): as a bare substring it is in every `path`.
  keywords: [
    'pass',
    'pw',
    'secret',
    'token',
    'key',
    'auth',
    'cred',
    'psk',
    'contrase',
    'senha',
    'identified',
    // RabbitMQ's and Erlang's distribution cookie (`RABBITMQ_ERLANG_COOKIE`), a secret no credential word names.
    'erlang',
    // WordPress's salts that no credential word names (`LOGGED_IN_SALT`, `NONCE_SALT`).
    'in_salt',
    'nonce_salt',
    'pat=',
    'pat:',
    'pat"',
    "pat'",
    'pat ',
    ...POSITIONAL_KEYWORDS,
    ...SIGNING_KEYWORDS,
    ...PAIR_KEYWORDS,
  ],
  scope: 'line',
  fallback: true,
  appliesTo: (path) => !isGeneratedDataFile(path),
  check(file: FileView): RawFinding[] {
    return genericFindings(
      file,
      'entropy',
      MAX_FINDINGS,
      (j) => `High-entropy ${KIND_LABEL[j.verdict.kind]} hard-coded in \`${j.assignment.name.slice(0, 60)}\`: revoke it at its issuer and load it from a secret store.`,
    );
  },
};

export default rule;
