/**
 * Last line of defence for free text headed for a log (an exception's message, say): every secret the
 * engine recognises is replaced by its redacted form.
 */
import { allRules } from '../engine/registry.js';
import { basePolicy } from '../engine/policy/builtin.js';
import { scanFiles } from '../engine/scan.js';
import { redact } from '../engine/redact.js';

const policy = (() => {
  const p = basePolicy();
  p.families = { secrets: 'warn', scopes: 'off', rotation: 'off' };
  p.severityLevels = { critical: 'warn', high: 'warn', medium: 'warn', low: 'warn', info: 'warn' };
  return p;
})();

export function scrub(text: string): string {
  if (!text) return text;
  const found = scanFiles([{ path: 'log', text }], { policy, rules: allRules.filter((r) => r.meta.family === 'secrets'), today: new Date(0) }).findings;
  if (!found.length) return text;
  const lines = text.split('\n');
  // Right to left within a line, so earlier columns stay valid.
  for (const f of [...found].sort((a, b) => b.startLine - a.startLine || b.startColumn - a.startColumn)) {
    const i = f.startLine - 1;
    const line = lines[i];
    if (line === undefined || f.endLine !== f.startLine) continue;
    const secret = line.slice(f.startColumn - 1, f.endColumn - 1);
    lines[i] = line.slice(0, f.startColumn - 1) + redact(secret) + line.slice(f.endColumn - 1);
  }
  return lines.join('\n');
}
