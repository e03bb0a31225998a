/**
 * Most secret rules are a format: keywords for the prefilter, a pattern, and checks that remove
 * look-alikes (entropy, checksum, placeholders). `defineSecretRule` turns that spec into a `Rule`.
 */
import type { Confidence, Severity } from '../../finding.js';
import type { RawFinding, RevokeGuide, Rule, RuleContext, FileView } from '../../rule.js';
import { shannonEntropy } from '../../entropy.js';
import { isPlaceholder, isReference } from '../../placeholder.js';

/** Controls a committed credential violates, whichever provider issued it. */
export const SECRET_CONTROLS = ['PCI-DSS-8.6.2', 'PCI-DSS-3.6.1', 'NIST-800-53-IA-5(7)', 'SOC2-CC6.1', 'SOX-ITGC-AC'];

export const DEFAULT_SECRET_REMEDIATION =
  'Revoke and rotate this credential at its issuer first (it stays in git history), then remove it from the code and load it from a secret store or CI secret at run time.';

export interface SecretRuleSpec {
  id: string;
  description: string;
  severity?: Severity;
  confidence?: Confidence;
  controls?: string[];
  remediation?: string;
  revoke?: RevokeGuide;
  /** Lower-case literals, at least one of which occurs in or near every match. */
  keywords: string[];
  /** Must have the `g` flag. The secret is the named group `secret`, else the whole match. */
  pattern: RegExp;
  /** Minimum Shannon entropy (bits/char) of the secret. */
  minEntropy?: number;
  /** `strict` (default) drops only evident placeholders; `loose` also drops words like `your_key`. */
  placeholders?: 'strict' | 'loose' | 'off';
  /** Extra validation, e.g. a checksum; return false to drop the match. */
  validate?(secret: string, match: RegExpExecArray, file: FileView): boolean;
  appliesTo?: (path: string) => boolean;
  scope?: 'line' | 'file';
  message?: string;
}

export function defineSecretRule(spec: SecretRuleSpec): Rule {
  if (!spec.pattern.global) throw new Error(`${spec.id}: pattern needs the g flag`);
  const name = spec.description.replace(/\.$/, '');
  const message = spec.message ?? `${name} committed to the repository.`;
  const placeholders = spec.placeholders ?? 'strict';
  const hasSecretGroup = spec.pattern.source.includes('(?<secret>') && !spec.pattern.flags.includes('d');
  // One search expression per rule, reused for every file (check runs synchronously, so lastIndex is
  // never shared), without `d`: match indices cost an allocation per match on every line searched.
  const re = new RegExp(spec.pattern.source, spec.pattern.flags);
  // The secret group's own offset, only for a match found: the same expression, sticky at the match
  // (the same match, by the same backtracking), with `d`. Searching for the secret's text inside the
  // match could find an earlier copy of it.
  // Built at the first match: most rules never match in a given run, and every process builds them all.
  let at: RegExp | undefined;
  const secretAt = (m: RegExpExecArray, text: string): number => {
    if (!hasSecretGroup || m.groups?.secret === undefined) return m.index;
    at ??= new RegExp(spec.pattern.source, `${spec.pattern.flags.replace(/[gy]/g, '')}yd`);
    at.lastIndex = m.index;
    return at.exec(text)?.indices?.groups?.secret?.[0] ?? m.index;
  };
  const rule: Rule = {
    meta: {
      id: spec.id,
      family: 'secrets',
      severity: spec.severity ?? 'high',
      confidence: spec.confidence ?? 'high',
      description: spec.description,
      controls: spec.controls ?? SECRET_CONTROLS,
      remediation: spec.remediation ?? DEFAULT_SECRET_REMEDIATION,
      ...(spec.revoke ? { revoke: spec.revoke } : {}),
    },
    keywords: spec.keywords,
    scope: spec.scope ?? 'line',
    check(file: FileView, _ctx: RuleContext): RawFinding[] {
      const out: RawFinding[] = [];
      for (const seg of file.segments) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(seg.text)) !== null) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const secret = m.groups?.secret ?? m[0];
          if (!secret) continue;
          const at = secretAt(m, seg.text);
          if (placeholders !== 'off' && (isPlaceholder(secret, placeholders === 'strict') || isReference(secret))) continue;
          if (spec.minEntropy !== undefined && shannonEntropy(secret) < spec.minEntropy) continue;
          if (spec.validate && !spec.validate(secret, m, file)) continue;
          out.push({ start: seg.offset + at, end: seg.offset + at + secret.length, secret, message });
        }
      }
      return out;
    },
  };
  if (spec.appliesTo) rule.appliesTo = spec.appliesTo;
  return rule;
}
