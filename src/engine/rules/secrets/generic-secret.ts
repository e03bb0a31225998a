import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { findAssignments, findMultilineXml } from './lib/assignments.js';
import { isGeneratedDataFile, judgeAssignment } from './lib/assignment-verdict.js';

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
  keywords: ['pass', 'pw', 'secret', 'token', 'key', 'auth', 'cred', 'contrase', 'senha'],
  scope: 'line',
  fallback: true,
  appliesTo: (path) => !isGeneratedDataFile(path),
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    for (const seg of file.segments) {
      const segEnd = seg.offset + seg.text.length;
      const found = [...findAssignments(seg.text, seg.offset), ...findMultilineXml(seg.text, file.text.slice(segEnd, segEnd + 800), segEnd)];
      for (const a of found) {
        if (seen.has(a.start)) continue;
        const verdict = judgeAssignment(a, seg.text);
        if (verdict?.tier !== 'entropy') continue;
        seen.add(a.start);
        if (out.length >= MAX_FINDINGS) return out;
        out.push({
          start: a.start,
          end: a.end,
          secret: a.value,
          message: `High-entropy ${KIND_LABEL[verdict.kind]} hard-coded in \`${a.name.slice(0, 60)}\`: revoke it at its issuer and load it from a secret store.`,
        });
      }
    }
    return out;
  },
};

export default rule;
