/**
 * Most secret rules are a format: keywords for the prefilter, a pattern, and checks that remove
 * look-alikes (entropy, checksum, placeholders). `defineSecretRule` turns that spec into a `Rule`.
 */
import type { Confidence, Severity } from '../../finding.js';
import type { RawFinding, RevokeGuide, Rule, RuleContext, FileView } from '../../rule.js';
import { shannonEntropy } from '../../entropy.js';
import { isPlaceholder, isReference } from '../../placeholder.js';
import { extendSegments } from './lib/next-line.js';
import { blockRead, type BlockRead } from './lib/keyed-secret.js';

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
  /**
   * Must have the `g` flag. The secret is the named group `secret`, else the whole match. A function is
   * called at the rule's first search: large patterns (the nested provider forms, ~1.4 KB each) are then
   * built only by the rules that run, not by every process at start-up.
   */
  pattern: RegExp | (() => RegExp);
  /** Minimum Shannon entropy (bits/char) of the secret. */
  minEntropy?: number;
  /** `strict` (default) drops only evident placeholders; `loose` also drops words like `your_key`. */
  placeholders?: 'strict' | 'loose' | 'off';
  /**
   * Extra validation, e.g. a checksum; return false to drop the match. For a pattern that reads a
   * parent's block (keyed-secret.ts `nestedUnder`), `match[0]` holds the parent's line and the child's,
   * without the lines between.
   */
  validate?(secret: string, match: RegExpExecArray, file: FileView): boolean;
  appliesTo?: (path: string) => boolean;
  scope?: 'line' | 'file';
  message?: string;
}

/**
 * A block-reading match (a credential key a few lines under its parent) as its validators see it: the
 * parent's line and the child's, without the lines between, so that a sibling's name (`org_id:`) is
 * not taken for the credential's. `secretAt` is the secret's offset in the match. The same match
 * when it spans at most two lines.
 */
function parentAndChild(m: RegExpExecArray, secretAt: number): RegExpExecArray {
  const text = m[0];
  const first = text.indexOf('\n');
  const last = text.lastIndexOf('\n', secretAt);
  if (first === last) return m;
  const out = [...m] as unknown as RegExpExecArray;
  out[0] = text.slice(0, first + 1) + text.slice(last + 1);
  out.index = m.index;
  out.input = m.input;
  out.groups = m.groups;
  return out;
}

interface Compiled {
  re: RegExp;
  hasSecretGroup: boolean;
  block: BlockRead | undefined;
}

export function defineSecretRule(spec: SecretRuleSpec): Rule {
  if (spec.pattern instanceof RegExp && !spec.pattern.global) throw new Error(`${spec.id}: pattern needs the g flag`);
  const name = spec.description.replace(/\.$/, '');
  const message = spec.message ?? `${name} committed to the repository.`;
  const placeholders = spec.placeholders ?? 'strict';
  // One search expression per rule, reused for every file, and the spec's own (a copy is parsed again at
  // every start): check sets lastIndex before each search and runs synchronously to its end, so rules
  // sharing a pattern object never see each other's state. Without `d` (match indices cost an
  // allocation per match on every line searched).
  let compiled: Compiled | undefined;
  const compile = (): Compiled => {
    const re = spec.pattern instanceof RegExp ? spec.pattern : spec.pattern();
    if (!re.global) throw new Error(`${spec.id}: pattern needs the g flag`);
    // A pattern that reads a parent's block (a credential key a few lines under `meraki:`) sees the
    // segments that hold a line that may be the parent's (no other can match), each with the lines
    // after it, however the rule was wrapped.
    return { re, hasSecretGroup: re.source.includes('(?<secret>') && !re.flags.includes('d'), block: blockRead(re) };
  };
  // The secret group's own offset, only for a match found: the same expression, sticky at the match
  // (the same match, by the same backtracking), with `d`. Searching for the secret's text inside the
  // match could find an earlier copy of it.
  // Built at the first match: most rules never match in a given run, and every process builds them all.
  let at: RegExp | undefined;
  const secretAt = (c: Compiled, m: RegExpExecArray, text: string): number => {
    if (!c.hasSecretGroup || m.groups?.secret === undefined) return m.index;
    at ??= new RegExp(c.re.source, `${c.re.flags.replace(/[gy]/g, '')}yd`);
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
      const c = (compiled ??= compile());
      const { re, block } = c;
      const segments = block ? extendSegments({ ...file, segments: file.segments.filter((seg) => block.mayOpen(seg.text)) }, block.lines).filter((seg) => block.mayHold(seg.text)) : file.segments;
      for (const seg of segments) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(seg.text)) !== null) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const secret = m.groups?.secret ?? m[0];
          if (!secret) continue;
          const at = secretAt(c, m, seg.text);
          if (placeholders !== 'off' && (isPlaceholder(secret, placeholders === 'strict') || isReference(secret))) continue;
          if (spec.minEntropy !== undefined && shannonEntropy(secret) < spec.minEntropy) continue;
          if (spec.validate && !spec.validate(secret, block ? parentAndChild(m, at - m.index) : m, file)) continue;
          out.push({ start: seg.offset + at, end: seg.offset + at + secret.length, secret, message });
        }
      }
      return out;
    },
  };
  if (spec.appliesTo) rule.appliesTo = spec.appliesTo;
  return rule;
}
