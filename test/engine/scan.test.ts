/**
 * The scanner's own behaviour (prefilter, segments, suppression, fallback, redaction, fingerprints,
 * policy, exceptions, baseline), mostly with small synthetic rules so each case isolates one thing,
 * and with the real registry where that is what matters.
 */
import { describe, expect, it } from 'vitest';
import type { Confidence, Family, Finding, Severity } from '../../src/engine/finding.js';
import type { FileView, RawFinding, Rule, RuleContext, Segment } from '../../src/engine/rule.js';
import type { PolicyException, ResolvedPolicy } from '../../src/engine/policy/types.js';
import { Scanner, exceptionMatches, scanFiles, type ScanResult, type SourceFile } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { decodeFile, type Skipped } from '../../src/engine/decode.js';
import { allRules } from '../../src/engine/registry.js';
import { redact } from '../../src/engine/redact.js';
import { B64, LOWER_ALNUM, cat, githubToken, rand } from '../helpers/tokens.js';

const TODAY = new Date('2026-06-15T12:00:00Z');

// ---------------------------------------------------------------------------------------------------
// Synthetic rules

interface Probe {
  /** The segments each call of `check` received, one array per call. */
  calls: Segment[][];
  contexts: RuleContext[];
}

interface SynthSpec {
  id?: string;
  family?: Family;
  keywords?: string[];
  scope?: 'line' | 'file';
  fallback?: boolean;
  severity?: Severity;
  confidence?: Confidence;
  appliesTo?: (path: string) => boolean;
  /** The secret is the named group `secret`, else the whole match. */
  pattern?: RegExp;
  /** Per-finding overrides. */
  extra?: Partial<RawFinding>;
  probe?: Probe;
}

const newProbe = (): Probe => ({ calls: [], contexts: [] });

/** A secret rule in the style of `defineSecretRule`, minus the placeholder and entropy checks. */
function synth(spec: SynthSpec = {}): Rule {
  const id = spec.id ?? 'secrets/test-token';
  const pattern = spec.pattern ?? /\btok_[a-z0-9]{16}\b/g;
  const rule: Rule = {
    meta: {
      id,
      family: spec.family ?? 'secrets',
      severity: spec.severity ?? 'high',
      confidence: spec.confidence ?? 'high',
      description: `synthetic ${id}`,
      controls: ['TEST-1'],
      remediation: 'Rotate it.',
    },
    keywords: spec.keywords ?? ['tok_'],
    scope: spec.scope ?? 'line',
    check(file: FileView, ctx: RuleContext): RawFinding[] {
      spec.probe?.calls.push(file.segments.map((s) => ({ ...s })));
      spec.probe?.contexts.push(ctx);
      const out: RawFinding[] = [];
      const re = new RegExp(pattern.source, pattern.flags);
      for (const seg of file.segments) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(seg.text)) !== null) {
          const secret = m.groups?.secret ?? m[0];
          const at = m.index + m[0].indexOf(secret);
          out.push({ start: seg.offset + at, end: seg.offset + at + secret.length, secret, message: `${id} found`, ...spec.extra });
        }
      }
      return out;
    },
  };
  if (spec.fallback) rule.fallback = true;
  if (spec.appliesTo) rule.appliesTo = spec.appliesTo;
  return rule;
}

/** A structural (non-secret) rule that reports a construct on the first line holding its keyword. */
function constructRule(id = 'scopes/test-write-all', keyword = 'write-all'): Rule {
  return {
    meta: {
      id,
      family: 'scopes',
      severity: 'medium',
      confidence: 'high',
      description: 'synthetic construct rule',
      controls: ['TEST-2'],
      remediation: 'Narrow it.',
    },
    keywords: [keyword],
    scope: 'file',
    check(file: FileView): RawFinding[] {
      const lines = file.text.split('\n');
      const i = lines.findIndex((l) => l.includes(keyword));
      return i < 0 ? [] : [{ line: i + 1, column: lines[i]!.indexOf(keyword) + 1, construct: `${keyword}`, message: `${keyword} used` }];
    },
  };
}

/** A token our synthetic rule reports; assembled at run time. */
const tok = (seed: string): string => `tok_${rand(16, LOWER_ALNUM, seed)}`;

function policy(edit?: (p: ResolvedPolicy) => void): ResolvedPolicy {
  const p = basePolicy();
  edit?.(p);
  return p;
}

function scan(files: SourceFile[] | string, rules: Rule[] = [synth()], edit?: (p: ResolvedPolicy) => void, baseline?: Set<string>): ScanResult {
  const list = typeof files === 'string' ? [{ path: 'src/app.ts', text: files }] : files;
  return scanFiles(list, { policy: policy(edit), rules, today: TODAY, ...(baseline ? { baseline } : {}) });
}

const ids = (r: ScanResult): string[] => r.findings.map((f) => f.ruleId);

// ---------------------------------------------------------------------------------------------------

describe('prefilter and segments', () => {
  it('hands a line rule only the lines that hold its keyword, at their offsets', () => {
    const probe = newProbe();
    const a = tok('a'),
      b = tok('b');
    const text = `line one\nconst a = "${a}";\nnothing\n  b: ${b}\nlast`;
    const r = scan(text, [synth({ probe })]);
    expect(r.findings).toHaveLength(2);
    expect(probe.calls).toHaveLength(1);
    const segs = probe.calls[0]!;
    expect(segs.map((s) => s.text)).toEqual([`const a = "${a}";`, `  b: ${b}`]);
    for (const s of segs) expect(text.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
  });

  it('finds the keyword case-insensitively', () => {
    const probe = newProbe();
    scan('X = "TOK_ABC"\n', [synth({ probe })]);
    expect(probe.calls[0]?.map((s) => s.text)).toEqual(['X = "TOK_ABC"']);
  });

  it('does not call a rule whose keywords are absent', () => {
    const probe = newProbe();
    const text = 'const x = 1;\nexport default x;\n';
    const r = scan(text, [synth({ probe })]);
    expect(probe.calls).toHaveLength(0);
    expect(r.findings).toEqual([]);
    expect(r.stats).toEqual({ files: 1, bytes: text.length });
  });

  it('gives one segment per line even with several hits on it', () => {
    const probe = newProbe();
    scan(`${tok('1')} ${tok('2')} ${tok('3')}`, [synth({ probe })]);
    expect(probe.calls[0]).toHaveLength(1);
  });

  it('gives a file rule the whole text as one segment', () => {
    const probe = newProbe();
    const text = `a\nb tok_\nc\n`;
    scan(text, [synth({ probe, scope: 'file' })]);
    expect(probe.calls[0]).toEqual([{ text, offset: 0 }]);
  });

  it('runs a rule with no keywords on every file, over the whole text', () => {
    const probe = newProbe();
    scan(
      [
        { path: 'a.txt', text: 'alpha' },
        { path: 'b.txt', text: 'beta' },
      ],
      [synth({ probe, keywords: [] })],
    );
    expect(probe.calls.map((c) => c.map((s) => s.text))).toEqual([['alpha'], ['beta']]);
  });

  it('skips a rule whose appliesTo rejects the path, before anything else', () => {
    const probe = newProbe();
    const t = tok('npmrc');
    const r = scan(
      [
        { path: '.npmrc', text: `x=${t}` },
        { path: 'src/x.ts', text: `x=${t}` },
      ],
      [synth({ probe, appliesTo: (p) => p.endsWith('.npmrc') })],
    );
    expect(probe.calls).toHaveLength(1);
    expect(r.findings.map((f) => f.path)).toEqual(['.npmrc']);
  });

  it('runs every rule that shares a keyword', () => {
    const t = tok('shared');
    const p1 = newProbe(),
      p2 = newProbe();
    scan(`k=${t}`, [synth({ id: 'secrets/one', probe: p1 }), synth({ id: 'secrets/two', probe: p2 })]);
    expect(p1.calls).toHaveLength(1);
    expect(p2.calls).toHaveLength(1);
  });

  it('keeps one finding, the stronger, when two specific rules report the very same secret', () => {
    const t = tok('same');
    const r = scan(`k=${t}`, [synth({ id: 'secrets/one', severity: 'medium' }), synth({ id: 'secrets/two', severity: 'critical' })]);
    expect(ids(r)).toEqual(['secrets/two']);
  });

  it('passes today and the rule options from the policy', () => {
    const probe = newProbe();
    scan(`tok_`, [synth({ probe })], (p) => {
      p.rules['secrets/test-token'] = { options: { maxDays: 90 } };
    });
    expect(probe.contexts[0]).toEqual({ today: TODAY, options: { maxDays: 90 } });
  });
});

describe('very long (minified) lines', () => {
  const t = tok('minified');
  const pos = 100_000;
  const line = `${'var a=1;'.repeat(pos / 8)}k="${t}";${'b=2;'.repeat(25_000)}`;

  it('hands the rule a window around the hit, not the whole line', () => {
    const probe = newProbe();
    const r = scan(line, [synth({ probe })]);
    const segs = probe.calls[0]!;
    expect(segs).toHaveLength(1);
    expect(segs[0]!.text.length).toBeLessThanOrEqual(2048 + 8);
    expect(segs[0]!.text).toContain(t);
    expect(line.slice(segs[0]!.offset, segs[0]!.offset + segs[0]!.text.length)).toBe(segs[0]!.text);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.startLine).toBe(1);
    expect(f.startColumn).toBe(pos + 4);
    expect(f.endColumn).toBe(pos + 4 + t.length);
    expect(f.excerpt.length).toBeLessThanOrEqual(202);
    expect(f.excerpt).toContain(redact(t));
    expect(f.excerpt).not.toContain(t);
  });

  it('merges nearby windows and keeps distant ones apart', () => {
    const probe = newProbe();
    const a = tok('w1'),
      b = tok('w2'),
      c = tok('w3');
    const pad = (n: number): string => 'x'.repeat(n);
    const text = `${pad(10_000)} ${a} ${pad(300)} ${b} ${pad(20_000)} ${c} ${pad(10_000)}`;
    const r = scan(text, [synth({ probe })]);
    expect(r.findings).toHaveLength(3);
    const segs = probe.calls[0]!;
    expect(segs).toHaveLength(2);
    expect(segs[0]!.text).toContain(a);
    expect(segs[0]!.text).toContain(b);
    expect(segs[1]!.text).toContain(c);
    // Windows, widened so as not to cut a token in half, but never the whole 40 KB line.
    expect(segs.reduce((n, s) => n + s.text.length, 0)).toBeLessThan(12_000);
  });

  it('gives a file-scope rule the whole text even when a line is long', () => {
    const probe = newProbe();
    scan(line, [synth({ probe, scope: 'file' })]);
    expect(probe.calls[0]![0]!.text.length).toBe(line.length);
  });

  it('scans a 5 MB minified line with scattered hits in reasonable time', () => {
    const t = tok('chunk');
    const filler = 'function f(a){return a+1}var b=[1,2,3];'.repeat(2500); // 100 KB
    const big = Array.from({ length: 50 }, () => `${filler}var k="${t}";`).join('');
    const t0 = performance.now();
    const r = scan(big, [synth()]);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(r.findings).toHaveLength(50);
    expect(r.findings.every((f) => f.startLine === 1 && f.excerpt.length <= 202 && !f.excerpt.includes(t))).toBe(true);
  });

  it('handles a few hundred findings on one 200 KB line', () => {
    const t = tok('dense');
    const line = `${'x'.repeat(980)}k="${t}";`.repeat(200);
    const r = scan(line, [synth()]);
    expect(r.findings).toHaveLength(200);
    expect(new Set(r.findings.map((f) => f.startColumn)).size).toBe(200);
  });

  // Once O(N·L + N²) (whole-line redaction per finding, all-pairs overlap check): now per-window
  // redaction, one suppression check per line and a sorted sweep. The budget catches a regression to
  // quadratic behaviour, not speed.
  it('stays fast with dense findings on a very long line (20,000 findings on a 1 MB line)', () => {
    const t = tok('quadratic');
    const line = `${'y'.repeat(26)}k="${t}";`.repeat(20_000);
    const t0 = performance.now();
    const r = scan(line, [synth()]);
    expect(r.findings).toHaveLength(20_000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('a 1 MB line of base64 zeros (once 15 s of window widening)', () => {
  // A keyword at every few characters of a line with no token boundary: each hit's window used to be
  // widened step by step (up to 2,048 steps per hit per rule). Now linear; the time goes to bench.
  const zeros = 'A'.repeat(1 << 20);

  it('hands the rule windows that cover the hits, never cutting the run, and reports what is in it', () => {
    const probe = newProbe();
    const t = tok('zeros');
    const text = `data:${zeros.slice(0, 500_000)}"${t}"${zeros.slice(500_000)}`;
    const r = scan(text, [synth({ probe, keywords: ['aaaa', 'tok_'] })]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.startColumn).toBe(text.indexOf(t) + 1);
    // Hits everywhere: the windows merge into one segment, the whole line (nothing between hits to cut).
    const segs = probe.calls[0]!;
    expect(segs).toHaveLength(1);
    expect(segs[0]!.offset).toBe(0);
    expect(segs[0]!.text.length).toBe(text.length);
  });

  it('with the real rule set: no finding on the zeros, and a token after them still found', () => {
    const secret = githubToken('ghp', 'zeros-tail');
    const text = `const blob = "${zeros}";\nconst token = "${secret}";\n`;
    const r = scanFiles([{ path: 'src/blob.js', text }], { policy: policy(), rules: allRules, today: TODAY });
    expect(r.findings.map((f) => [f.ruleId, f.startLine])).toEqual([['secrets/github-token', 2]]);
    expect(r.skipped).toEqual([]);
  });
});

describe('inline suppressions', () => {
  const t = tok('supp');

  it.each([
    [`key = "${t}" // tokenwarden:allow`],
    [`key = "${t}" # gitleaks:allow`],
    [`key = "${t}"  # pragma: allowlist secret`],
    [`key = "${t}"  # pragma:allowlist-secret`],
    [`key = "${t}" // TokenWarden:Allow reviewed`],
    [`key = "${t}" # nosec`],
    [`key = "${t}" # trufflehog:ignore`],
    [`key = "${t}" # detect-secrets: allow`],
  ])('honours a same-line marker: %s', (line) => {
    const r = scan(`a = 1\n${line}\nb = 2\n`);
    expect(r.findings).toEqual([]);
    expect(r.suppressed).toBe(1);
  });

  it.each([['# tokenwarden:allow-next-line'], ['// pragma: allowlist nextline secret'], ['  # pragma: allowlist-nextline-secret']])('honours the next-line form: %s', (marker) => {
    const r = scan(`a = 1\n${marker}\nkey = "${t}"\nother = "${tok('other')}"\n`);
    expect(r.findings.map((f) => f.startLine)).toEqual([4]);
    expect(r.suppressed).toBe(1);
  });

  it('does not let an allow-next-line marker suppress its own line', () => {
    const r = scan(`key = "${t}" # tokenwarden:allow-next-line\nnext = 1\n`);
    expect(r.findings).toHaveLength(1);
    expect(r.suppressed).toBe(0);
  });

  it('does not carry a same-line marker to the next line, nor a next-line marker two lines down', () => {
    expect(scan(`a = 1 # tokenwarden:allow\nkey = "${t}"\n`).findings).toHaveLength(1);
    expect(scan(`# tokenwarden:allow-next-line\n\nkey = "${t}"\n`).findings).toHaveLength(1);
  });

  it('works with CRLF line endings and on the first line', () => {
    expect(scan(`key = "${t}" # gitleaks:allow\r\nx = 1\r\n`).findings).toEqual([]);
    expect(scan(`# tokenwarden:allow-next-line\r\nkey = "${t}"\r\n`).findings).toEqual([]);
  });

  it('suppresses a secret reported by the real registry too', () => {
    const gh = githubToken('ghp', 'suppressed');
    const r = scanFiles([{ path: 'ci.sh', text: `export GH_TOKEN=${gh} # tokenwarden:allow\n` }], {
      policy: basePolicy(),
      rules: allRules,
      today: TODAY,
    });
    expect(r.findings).toEqual([]);
    expect(r.suppressed).toBeGreaterThanOrEqual(1);
  });
});

describe('fallback rules', () => {
  const generic = (extra: Partial<SynthSpec> = {}): Rule => synth({ id: 'secrets/test-generic', fallback: true, keywords: ['key'], pattern: /key\s*=\s*"(?<secret>[^"]+)"/g, ...extra });

  it('yield to a specific rule that reports the same span', () => {
    const t = tok('fb');
    const r = scan(`key = "${t}"`, [generic(), synth()]);
    expect(ids(r)).toEqual(['secrets/test-token']);
  });

  it('yield to a specific rule whose span merely overlaps', () => {
    const t = tok('fb2');
    const r = scan(`key = "prefix-${t}"`, [generic(), synth()]);
    expect(ids(r)).toEqual(['secrets/test-token']);
    expect(r.findings[0]!.excerpt).not.toContain(t);
    expect(r.findings[0]!.excerpt).not.toContain(`prefix-${t}`);
  });

  it('still report a span no specific rule claims, on the same line', () => {
    const t = tok('fb3');
    const other = rand(24, B64.replace(/[+/]/g, ''), 'fb3');
    const r = scan(`key = "${other}" tok = ${t}`, [generic(), synth()]);
    expect(ids(r).sort()).toEqual(['secrets/test-generic', 'secrets/test-token']);
    for (const f of r.findings) {
      expect(f.excerpt).not.toContain(t);
      expect(f.excerpt).not.toContain(other);
    }
  });

  it('do not suppress each other on different spans', () => {
    const t = tok('fb4');
    // Overlapping but different spans (the second rule takes only the token's head).
    const r = scan(`key = "${t}"`, [generic(), generic({ id: 'secrets/test-generic-2', pattern: /key = "(?<secret>tok_[a-z0-9]{8})/g })]);
    expect(ids(r).sort()).toEqual(['secrets/test-generic', 'secrets/test-generic-2']);
  });

  it('a rule reporting one span twice is reported once', () => {
    const t = tok('dup');
    const twice: Rule = { ...synth(), check: (f, c) => [...synth().check(f, c), ...synth().check(f, c)] };
    expect(scan(`k=${t}`, [twice]).findings).toHaveLength(1);
  });
});

describe('redaction in excerpts', () => {
  it('redacts both secrets when two share a line, in both findings', () => {
    const a = tok('pair-a');
    const b = `sk2_${rand(24, LOWER_ALNUM, 'pair-b')}`;
    const r = scan(`creds = {"a": "${a}", "b": "${b}"}`, [synth(), synth({ id: 'secrets/test-sk2', keywords: ['sk2_'], pattern: /sk2_[a-z0-9]{24}/g })]);
    expect(r.findings).toHaveLength(2);
    for (const f of r.findings) {
      expect(f.excerpt).not.toContain(a);
      expect(f.excerpt).not.toContain(b);
      expect(f.excerpt).toContain(redact(a));
      expect(f.excerpt).toContain(redact(b));
    }
    expect(r.findings.map((f) => f.redacted).sort()).toEqual([redact(a), redact(b)].sort());
  });

  it('redacts every repetition of a secret on the line', () => {
    const a = tok('rep');
    const r = scan(`x=${a};y=${a};z=${a}`);
    expect(r.findings).toHaveLength(3);
    for (const f of r.findings) expect(f.excerpt).not.toContain(a);
  });

  it('redacts a secret in the excerpt of a non-secret finding on the same line', () => {
    const a = tok('construct');
    const r = scan(`permissions: write-all  # token ${a}`, [synth(), constructRule()]);
    expect(ids(r).sort()).toEqual(['scopes/test-write-all', 'secrets/test-token']);
    for (const f of r.findings) expect(f.excerpt).not.toContain(a);
  });

  it('never puts the raw secret in any field of a finding', () => {
    const a = tok('fields');
    const r = scan(`const k = "${a}";`);
    expect(JSON.stringify(r)).not.toContain(a);
  });

  it('keeps the excerpt of a real GitHub token and a fine-grained PAT on one line free of both', () => {
    const gh = githubToken('ghp', 'one-line');
    const fg = cat('github_pat_', rand(22, undefined, 'fg1'), '_', rand(59, undefined, 'fg2'));
    const r = scanFiles([{ path: 'config/ci.yml', text: `tokens: [${gh}, ${fg}]\n` }], { policy: basePolicy(), rules: allRules, today: TODAY });
    expect(r.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['secrets/github-token', 'secrets/github-fine-grained-pat']));
    const out = JSON.stringify(r);
    expect(out).not.toContain(gh);
    expect(out).not.toContain(fg);
  });
});

describe('fingerprints', () => {
  const a = tok('fp');
  const one = (path: string, text: string): Finding => {
    const r = scan([{ path, text }]);
    expect(r.findings).toHaveLength(1);
    return r.findings[0]!;
  };

  it('are stable when the line moves', () => {
    const f1 = one('src/a.ts', `const k = "${a}";\n`);
    const f2 = one('src/a.ts', `// header\n\nimport x from 'y';\n\n    const k = "${a}"; // moved and indented\n`);
    expect(f2.startLine).toBe(5);
    expect(f2.fingerprint).toBe(f1.fingerprint);
    expect(f2.secretHash).toBe(f1.secretHash);
  });

  it('differ across paths, while the secret hash recognises the same leak', () => {
    const f1 = one('src/a.ts', `k="${a}"`);
    const f2 = one('src/b.ts', `k="${a}"`);
    expect(f2.fingerprint).not.toBe(f1.fingerprint);
    expect(f2.secretHash).toBe(f1.secretHash);
  });

  it('differ for different secrets and different rules', () => {
    const f1 = one('src/a.ts', `k="${a}"`);
    const f2 = one('src/a.ts', `k="${tok('fp-other')}"`);
    expect(f2.fingerprint).not.toBe(f1.fingerprint);
    // Two rules on one secret: scanned apart (together the scanner keeps one finding per secret).
    const one1 = scan(`k="${a}"`, [synth({ id: 'secrets/one' })]).findings[0]!;
    const two1 = scan(`k="${a}"`, [synth({ id: 'secrets/two' })]).findings[0]!;
    expect(one1.fingerprint).not.toBe(two1.fingerprint);
  });

  it('are short hex and use the construct for non-secret findings', () => {
    const f1 = one('src/a.ts', `k="${a}"`);
    expect(f1.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const c1 = scan('jobs:\n  permissions: write-all\n', [constructRule()]).findings[0]!;
    const c2 = scan('# moved\n\njobs:\n  permissions: write-all\n', [constructRule()]).findings[0]!;
    expect(c1.secretHash).toBeUndefined();
    expect(c1.redacted).toBeUndefined();
    expect(c2.startLine).toBe(4);
    expect(c2.fingerprint).toBe(c1.fingerprint);
  });
});

describe('lineNumbers (diff views)', () => {
  it('maps synthetic lines back to the real line numbers', () => {
    const a = tok('diff');
    const r = scan([{ path: 'src/a.ts', text: `added one\nconst k = "${a}";\n`, lineNumbers: [10, 42] }]);
    expect(r.findings[0]).toMatchObject({ startLine: 42, endLine: 42, startColumn: 12 });
  });

  it('maps line-based findings and multi-line spans', () => {
    const c = scan([{ path: '.github/workflows/ci.yml', text: 'on: push\npermissions: write-all\n', lineNumbers: [3, 17] }], [constructRule()]);
    expect(c.findings[0]).toMatchObject({ startLine: 17, endLine: 17 });
    const spanning = synth({ id: 'secrets/test-span', keywords: ['begin'], pattern: /begin[\s\S]*?end/g, scope: 'file' });
    const r = scan([{ path: 'k.pem', text: 'x\nbegin\nmiddle\nend\n', lineNumbers: [5, 9, 12, 20] }], [spanning]);
    expect(r.findings[0]).toMatchObject({ startLine: 9, endLine: 20 });
  });

  it('falls back to the natural number when the mapping is short', () => {
    const a = tok('short-map');
    const r = scan([{ path: 'a', text: `x\ny\nk=${a}`, lineNumbers: [7] }]);
    expect(r.findings[0]!.startLine).toBe(3);
  });
});

describe('policy', () => {
  const a = tok('policy');
  const files = (): SourceFile[] => [
    { path: 'src/app.ts', text: `k="${a}"` },
    { path: 'vendor/lib/x.js', text: `k="${a}"` },
    { path: 'public/app.min.js', text: `k="${a}"` },
    { path: 'config/prod.yml', text: `k: ${a}` },
    { path: 'src/app.test.ts', text: `k="${a}"` },
  ];

  it('global ignore globs skip files entirely (and matchBase for slash-less globs)', () => {
    const r = scan(files(), [synth()], (p) => {
      p.ignore = ['vendor/**', '*.min.js'];
    });
    expect(r.findings.map((f) => f.path)).toEqual(['config/prod.yml', 'src/app.test.ts', 'src/app.ts']);
    expect(r.stats.files).toBe(3);
    const s = new Scanner({ policy: policy((p) => (p.ignore = ['vendor/**'])), rules: [], today: TODAY });
    expect(s.isIgnored('vendor/a/b.js')).toBe(true);
    expect(s.isIgnored('src/vendor.js')).toBe(false);
  });

  it('per-rule paths and ignore apply to that rule only', () => {
    const setup = (p: ResolvedPolicy): void => {
      p.rules['secrets/only-config'] = { paths: ['config/**'] };
      p.rules['secrets/not-tests'] = { ignore: ['*.test.ts', 'vendor/**'] };
    };
    const by = (id: string): string[] => scan(files(), [synth({ id })], setup).findings.map((f) => f.path);
    expect(by('secrets/only-config')).toEqual(['config/prod.yml']);
    expect(by('secrets/not-tests')).toEqual(['config/prod.yml', 'public/app.min.js', 'src/app.ts']);
  });

  it('level off does not even run the rule', () => {
    const probe = newProbe();
    const r = scan(files(), [synth({ probe })], (p) => {
      p.rules['secrets/test-token'] = { level: 'off' };
    });
    expect(r.findings).toEqual([]);
    expect(probe.calls).toHaveLength(0);
  });

  it('a family turned off, or a severity off under auto, drops its rules', () => {
    expect(scan(files(), [synth()], (p) => (p.families.secrets = 'off')).findings).toEqual([]);
    const info = synth({ id: 'scopes/test-info', family: 'scopes', severity: 'info' });
    expect(scan(files(), [info]).findings).toEqual([]);
    expect(scan(files(), [info], (p) => (p.severityLevels.info = 'warn')).findings).toHaveLength(5);
  });

  it('levels come from the rule, the family, or the severity', () => {
    const med = synth({ id: 'scopes/test-med', family: 'scopes', severity: 'medium' });
    expect(scan(`k=${a}`, [synth()]).findings[0]!.level).toBe('fail');
    expect(scan(`k=${a}`, [med]).findings[0]!.level).toBe('warn');
    expect(scan(`k=${a}`, [med], (p) => (p.rules['scopes/test-med'] = { level: 'fail' })).findings[0]!.level).toBe('fail');
    // A per-finding severity override is what the level follows under `auto`.
    const down = synth({ id: 'scopes/test-down', family: 'scopes', severity: 'high', extra: { severity: 'info' } });
    expect(scan(`k=${a}`, [down]).findings).toEqual([]);
  });

  it('minConfidence drops findings below it, by rule default or per finding', () => {
    const medium = synth({ id: 'secrets/medium', confidence: 'medium' });
    const lowOne = synth({ id: 'secrets/low-override', extra: { confidence: 'low' } });
    const rules = [synth(), medium, lowOne];
    // Each rule alone: together, one secret yields one finding (the strongest).
    const each = (min?: 'medium' | 'high'): string[] => rules.flatMap((r) => ids(scan(`k=${a}`, [r], (p) => (min ? (p.settings.minConfidence = min) : undefined)))).sort();
    expect(each()).toEqual(['secrets/low-override', 'secrets/medium', 'secrets/test-token']);
    expect(each('medium')).toEqual(['secrets/medium', 'secrets/test-token']);
    expect(each('high')).toEqual(['secrets/test-token']);
  });
});

describe('exceptions', () => {
  const a = tok('exc');
  const file = { path: 'config/app.yml', text: `token: ${a}\n` };
  const base = { justification: 'rotated; test fixture', approvedBy: 'sec-team' };
  const fp = scan([file]).findings[0]!.fingerprint;

  it('a live exception by fingerprint moves the finding to `excepted`', () => {
    const ex = { ...base, fingerprint: fp, expires: '2026-12-31' };
    const r = scan([file], [synth()], (p) => (p.exceptions = [ex]));
    expect(r.findings).toEqual([]);
    expect(r.excepted).toHaveLength(1);
    expect(r.excepted[0]!.exception).toBe(ex);
    expect(r.excepted[0]!.finding.fingerprint).toBe(fp);
    expect(r.expired).toEqual([]);
  });

  it('counts the expiry day itself as live', () => {
    const r = scan([file], [synth()], (p) => (p.exceptions = [{ ...base, fingerprint: fp, expires: '2026-06-15' }]));
    expect(r.findings).toEqual([]);
    expect(r.excepted).toHaveLength(1);
  });

  it('an expired exception keeps the finding, with a note, and lists it as expired', () => {
    const ex = { ...base, fingerprint: fp, expires: '2026-06-14' };
    const r = scan([file], [synth()], (p) => (p.exceptions = [ex]));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message).toMatch(/sec-team expired on 2026-06-14/);
    expect(r.expired).toHaveLength(1);
    expect(r.expired[0]!.finding).toBe(r.findings[0]);
    expect(r.excepted).toEqual([]);
  });

  it('match by rule id, rule wildcard, family, path glob, or both', () => {
    const live = { ...base, expires: '2027-01-01' };
    const cases: PolicyException[] = [
      { ...live, rule: 'secrets/test-token' },
      { ...live, rule: 'secrets/*' },
      { ...live, rule: 'secrets' },
      { ...live, path: 'config/**' },
      { ...live, rule: 'secrets/test-token', path: 'config/*.yml' },
    ];
    for (const ex of cases) {
      const r = scan([file, { path: 'src/x.ts', text: `k="${tok('other')}"` }], [synth()], (p) => (p.exceptions = [ex]));
      const excepted = r.excepted.map((e) => e.finding.path);
      expect(excepted, JSON.stringify(ex)).toContain('config/app.yml');
      if (ex.path) expect(r.findings.map((f) => f.path)).toEqual(['src/x.ts']);
    }
  });

  it('do not match another rule, another path, or when they name nothing', () => {
    const f = scan([file]).findings[0]!;
    const live = { ...base, expires: '2027-01-01' };
    expect(exceptionMatches({ ...live, rule: 'secrets/other' }, f)).toBe(false);
    expect(exceptionMatches({ ...live, rule: 'scopes/*' }, f)).toBe(false);
    expect(exceptionMatches({ ...live, rule: 'scopes' }, f)).toBe(false);
    expect(exceptionMatches({ ...live, rule: 'secrets/test-token', path: 'src/**' }, f)).toBe(false);
    expect(exceptionMatches({ ...live, fingerprint: '0000000000000000', rule: 'secrets/test-token' }, f)).toBe(false);
    expect(exceptionMatches(live, f)).toBe(false);
  });
});

describe('baseline', () => {
  it('drops the baselined fingerprints and counts them; new leaks still report', () => {
    const a = tok('old'),
      b = tok('new');
    const before = scan([{ path: 'a.env', text: `OLD=${a}\n` }]);
    const baseline = new Set(before.findings.map((f) => f.fingerprint));
    const r = scan([{ path: 'a.env', text: `# moved\nOLD=${a}\nNEW=${b}\n` }], [synth()], undefined, baseline);
    expect(r.baselined).toBe(1);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.startLine).toBe(3);
  });
});

describe('result', () => {
  it('sorts findings by path, line and column', () => {
    const r = scan([
      { path: 'b.ts', text: `x\nk=${tok('1')}` },
      { path: 'a.ts', text: `k=${tok('2')} j=${tok('3')}\nk=${tok('4')}` },
    ]);
    expect(r.findings.map((f) => `${f.path}:${f.startLine}:${f.startColumn}`)).toEqual(['a.ts:1:3', 'a.ts:1:26', 'a.ts:2:3', 'b.ts:2:3']);
  });

  it('carries rule metadata into the finding', () => {
    const f = scan(`k=${tok('meta')}`).findings[0]!;
    expect(f).toMatchObject({
      ruleId: 'secrets/test-token',
      family: 'secrets',
      severity: 'high',
      confidence: 'high',
      controls: ['TEST-1'],
      remediation: 'Rotate it.',
      message: 'secrets/test-token found',
      path: 'src/app.ts',
      startLine: 1,
      endLine: 1,
      startColumn: 3,
      endColumn: 23,
    });
  });

  it('lists skipped files given to scanFiles and to Scanner.skip', () => {
    const skipped: Skipped[] = [{ path: 'img.png', reason: 'binary' }];
    const r = scanFiles([], { policy: basePolicy(), rules: [synth()], today: TODAY }, skipped);
    expect(r.skipped).toEqual(skipped);
    const s = new Scanner({ policy: basePolicy(), rules: [synth()], today: TODAY });
    s.skip({ path: 'big.sql', reason: 'too-large' });
    expect(s.result().skipped).toEqual([{ path: 'big.sql', reason: 'too-large' }]);
  });

  it('handles empty files and files of only newlines', () => {
    const r = scan([
      { path: 'empty', text: '' },
      { path: 'nl', text: '\n\n\n' },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.stats.files).toBe(2);
  });
});

describe('decode', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  const LIMIT = 1024 * 1024;

  it('decodes UTF-8, including non-ASCII and an empty file, and strips a BOM', () => {
    expect(decodeFile('a.txt', enc('héllo 日本 😀'), LIMIT)).toEqual({ ok: true, text: 'héllo 日本 😀' });
    expect(decodeFile('e.txt', new Uint8Array(0), LIMIT)).toEqual({ ok: true, text: '' });
    expect(decodeFile('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), LIMIT)).toEqual({ ok: true, text: 'a' });
  });

  it('skips binary content (a NUL byte in the first 8 KiB)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(decodeFile('logo.png', png, LIMIT)).toEqual({ ok: false, skipped: { path: 'logo.png', reason: 'binary' } });
    const late = new Uint8Array(10_000).fill(0x61);
    late[9000] = 0;
    expect(decodeFile('late-nul.txt', late, LIMIT).ok).toBe(true);
  });

  it('skips a file over the size limit, saying so, and accepts one exactly at it', () => {
    const d = decodeFile('dump.sql', new Uint8Array(101).fill(0x61), 100);
    expect(d).toMatchObject({ ok: false, skipped: { path: 'dump.sql', reason: 'too-large' } });
    if (!d.ok) expect(d.skipped.detail).toMatch(/101 bytes > limit 100/);
    expect(decodeFile('ok.sql', new Uint8Array(100).fill(0x61), 100).ok).toBe(true);
  });

  it('reads text that is not valid UTF-8 as Windows-1252, so a token in a Latin-1 file is still found', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]);
    expect(decodeFile('latin1.txt', latin1, LIMIT)).toEqual({ ok: true, text: 'café\n', as: 'windows-1252' });
    expect(decodeFile('trunc.txt', new Uint8Array([0xe6, 0x97]), LIMIT)).toMatchObject({ ok: true, as: 'windows-1252' });
    const t = tok('latin1');
    const d = decodeFile('conf.ini', new Uint8Array([...enc('# r\xe9glage\n').map((b) => b), 0xe9, 0x0a, ...enc(`k="${t}"\n`)]), LIMIT);
    expect(d.ok && scanFiles([{ path: 'conf.ini', text: d.text }], { policy: basePolicy(), rules: [synth()], today: TODAY }).findings.map((f) => f.startLine)).toEqual([3]);
  });

  it('reads a binary file as its printable text when asked (a gate), keeping lines and columns', () => {
    const t = tok('binary');
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0xff, 0x0a, ...enc(`x k="${t}"`), 0, 0x0a]);
    expect(decodeFile('logo.png', bytes, LIMIT)).toEqual({ ok: false, skipped: { path: 'logo.png', reason: 'binary' } });
    const d = decodeFile('logo.png', bytes, LIMIT, { binary: 'strings' });
    expect(d).toMatchObject({ ok: true, as: 'binary-strings' });
    expect(d.ok && d.text.length).toBe(bytes.length);
    const f = d.ok ? scanFiles([{ path: 'logo.png', text: d.text }], { policy: basePolicy(), rules: [synth()], today: TODAY }).findings : [];
    expect(f.map((x) => [x.startLine, x.startColumn])).toEqual([[2, 6]]);
  });

  it('feeds decoded files to the scanner and lists the rest as skipped', () => {
    const a = tok('decoded');
    const inputs: Array<[string, Uint8Array]> = [
      ['src/ok.ts', enc(`k="${a}"`)],
      ['bin/tool', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1])],
      ['old.txt', new Uint8Array([0xff, 0xfe, 0x41])],
      ['huge.log', new Uint8Array(LIMIT + 1).fill(0x61)],
    ];
    const texts: SourceFile[] = [];
    const skipped: Skipped[] = [];
    for (const [path, bytes] of inputs) {
      const d = decodeFile(path, bytes, LIMIT);
      if (d.ok) texts.push({ path, text: d.text });
      else skipped.push(d.skipped);
    }
    const r = scanFiles(texts, { policy: basePolicy(), rules: [synth()], today: TODAY }, skipped);
    expect(r.findings.map((f) => f.path)).toEqual(['src/ok.ts']);
    expect(r.skipped.map((s) => `${s.path}:${s.reason}`)).toEqual(['bin/tool:binary', 'huge.log:too-large']);
  });
});

describe('with the real registry', () => {
  it('reports a committed GitHub token at fail, redacted, with the right location', () => {
    const gh = githubToken('ghp', 'registry');
    const text = `# settings\ngithub:\n  token: ${gh}\n`;
    const r = scanFiles([{ path: 'config/settings.yml', text }], { policy: basePolicy(), rules: allRules, today: TODAY });
    const f = r.findings.find((x) => x.ruleId === 'secrets/github-token');
    expect(f).toBeDefined();
    expect(f).toMatchObject({ level: 'fail', severity: 'critical', startLine: 3, startColumn: 10, redacted: redact(gh) });
    expect(f!.excerpt).toBe(`token: ${redact(gh)}`);
    // A checksummed token is exactly one finding on its span: any catch-all rule yields to it.
    expect(r.findings.filter((x) => x.startLine === 3 && x.startColumn === 10)).toHaveLength(1);
  });

  it('stays quiet on ordinary code that only references secrets', () => {
    const files: SourceFile[] = [
      {
        path: '.github/workflows/ci.yml',
        text: 'jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n',
      },
      {
        path: 'src/client.ts',
        text: "import { Octokit } from '@octokit/rest';\n\nconst token = process.env.GITHUB_TOKEN;\nexport const client = new Octokit({ auth: token });\n",
      },
      { path: 'README.md', text: '# Setup\n\nSet `GITHUB_TOKEN` to a token with `repo` scope (it starts with `ghp_`).\n' },
    ];
    const r = scanFiles(files, { policy: basePolicy(), rules: allRules, today: TODAY });
    expect(r.findings.filter((f) => f.family === 'secrets').map((f) => `${f.ruleId} ${f.path}:${f.startLine}`)).toEqual([]);
  });
});

describe('review fixes', () => {
  it('masks the first line of a secret that spans lines', () => {
    const secretLine = rand(24, B64, 'multi');
    const multi: Rule = synth({ id: 'secrets/test-multi', keywords: ['begin'], scope: 'file', pattern: /begin\n(?<secret>[A-Za-z0-9+/]{24}\n[A-Za-z0-9+/]{24})/g });
    const text = `begin\n${secretLine}\n${rand(24, B64, 'multi2')}\n`;
    const r = scan(text, [multi]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.excerpt).not.toContain(secretLine);
  });

  it('lets a renewed exception win over the expired one it replaces', () => {
    const t = tok('renew');
    const r = scan(`k=${t}`, [synth()], (p) => {
      p.exceptions = [
        { rule: 'secrets/test-token', justification: 'old', approvedBy: 'a', expires: '2020-01-01' },
        { rule: 'secrets/test-token', justification: 'renewed', approvedBy: 'a', expires: '2099-01-01' },
      ];
    });
    expect(r.findings).toEqual([]);
    expect(r.excepted).toHaveLength(1);
  });
});

describe('locks in the scanner', () => {
  it('applies globs declared under a lock to unlocked rules only', () => {
    const t = tok('soft');
    const other = `sco_${rand(16, LOWER_ALNUM, 'soft2')}`;
    const scope = synth({ id: 'scopes/test-scope', family: 'scopes', keywords: ['sco_'], pattern: /\bsco_[a-z0-9]{16}\b/g });
    // Without the soft ignore both rules report (checked), with it only the locked one.
    expect(ids(scan(`k=${t}\nj=${other}`, [synth(), scope], (p) => (p.families = { secrets: 'fail', scopes: 'warn', rotation: 'warn' }))).sort()).toEqual(['scopes/test-scope', 'secrets/test-token']);
    const r = scan(`k=${t}\nj=${other}`, [synth(), scope], (p) => {
      p.locked = ['secrets'];
      p.softIgnore = ['**'];
      p.families = { secrets: 'fail', scopes: 'warn', rotation: 'warn' };
    });
    expect(ids(r)).toEqual(['secrets/test-token']);
  });

  it('does not let an exception declared under a lock cover a locked rule', () => {
    const t = tok('notfor');
    const r = scan(`k=${t}`, [synth()], (p) => {
      p.locked = ['secrets'];
      p.exceptions = [{ rule: 'secrets', justification: 'x', approvedBy: 'a', expires: '2099-01-01', notFor: ['secrets'] }];
    });
    expect(ids(r)).toEqual(['secrets/test-token']);
    expect(r.excepted).toEqual([]);
  });
});
