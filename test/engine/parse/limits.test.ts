/**
 * Parser limits on hostile repository content: each bomb ends in a typed `LimitExceeded` (never a
 * hang, a crash or a clean-looking `undefined`), within a generous wall-clock bound. The bound is a
 * behaviour assertion — "it returns" — not a speed target.
 */
import { describe, expect, it } from 'vitest';
import { clearYamlCache, parseYaml } from '../../../src/engine/parse/yaml.js';
import { parseHcl } from '../../../src/engine/parse/hcl.js';
import { parseJsonText } from '../../../src/engine/rules/scopes/lib/policy-tree.js';
import { DEFAULT_PARSE_LIMITS, LimitExceeded, type LimitName } from '../../../src/engine/limits.js';
import { aliasBomb, mergeBomb } from '../../helpers/hostile-yaml.js';

// Far below the seconds-to-minutes of the blow-ups these limits stop; loose enough for a loaded CI machine.
const BOUND_MS = 5_000;

/** Run `fn`, expect a `LimitExceeded` named `limit`, and return it with the time it took. */
function expectLimit(fn: () => unknown, limit: LimitName): LimitExceeded {
  clearYamlCache();
  const t = performance.now();
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  const ms = performance.now() - t;
  expect(caught, `expected LimitExceeded(${limit})`).toBeInstanceOf(LimitExceeded);
  expect((caught as LimitExceeded).limit).toBe(limit);
  expect(ms).toBeLessThan(BOUND_MS);
  return caught as LimitExceeded;
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  clearYamlCache();
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

describe('YAML limits', () => {
  it('stops a billion-laughs alias bomb before expanding it', () => {
    const e = expectLimit(() => parseYaml(aliasBomb()), 'alias-expansion');
    expect(e.line).toBeGreaterThan(1);
    expect(e.detail).toMatch(/^exceeds limit alias-expansion: .* \(line \d+\)$/);
  });

  it('stops a merge-key bomb (nine lines) before the walk helpers expand it', () => {
    expect(mergeBomb().trimEnd().split('\n')).toHaveLength(9);
    expectLimit(() => {
      const d = parseYaml(mergeBomb())!.first!;
      return d.toJS(d.root);
    }, 'alias-expansion');
  });

  it('reads ordinary anchors, aliases and merge keys as before', () => {
    const { value: d, ms } = timed(() => parseYaml(aliasBomb(3, 3) + 'base: &b { x: 1 }\nuse: { <<: *b, y: 2 }\n')!.first!);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(d.toJS(d.get(d.root, 'l2'))).toEqual([
      [
        ['lol', 'lol', 'lol'],
        ['lol', 'lol', 'lol'],
        ['lol', 'lol', 'lol'],
      ],
      [
        ['lol', 'lol', 'lol'],
        ['lol', 'lol', 'lol'],
        ['lol', 'lol', 'lol'],
      ],
      [
        ['lol', 'lol', 'lol'],
        ['lol', 'lol', 'lol'],
        ['lol', 'lol', 'lol'],
      ],
    ]);
    expect(d.toJS(d.get(d.root, 'use'))).toEqual({ y: 2, x: 1 });
  });

  it('rejects recursive aliases (an infinite structure) instead of walking them', () => {
    expectLimit(() => parseYaml('a: &a [1, *a]\n'), 'recursive-alias');
    expectLimit(() => parseYaml('a: &a { x: 1, <<: *a }\n'), 'recursive-alias');
  });

  it('counts aliases', () => {
    const text = 'a: &a 1\nb:\n' + '  - *a\n'.repeat(DEFAULT_PARSE_LIMITS.maxAliases + 1);
    expectLimit(() => parseYaml(text), 'alias-count');
    expect(parseYaml('a: &a 1\nb:\n' + '  - *a\n'.repeat(100))).toBeDefined();
  });

  it('rejects deep flow nesting before the recursive composer sees it', () => {
    for (const n of [200, 5_000, 100_000]) {
      expectLimit(() => parseYaml(`a: ${'['.repeat(n)}${']'.repeat(n)}\n`), 'nesting-depth');
      expectLimit(() => parseYaml(`a: ${'{b: '.repeat(n)}1${'}'.repeat(n)}\n`), 'nesting-depth');
    }
    // Unbalanced too: the tree is measured, not the brackets counted.
    expectLimit(() => parseYaml(`a: ${'['.repeat(50_000)}\n`), 'nesting-depth');
  });

  it('rejects deep block nesting (mappings and compact sequences)', () => {
    let block = '';
    for (let i = 0; i < 1_000; i++) block += `${' '.repeat(i)}k${i}:\n`;
    const e = expectLimit(() => parseYaml(block), 'nesting-depth');
    // Reported where the parser notices: on the first line too deep, or the one after.
    expect(e.line! - DEFAULT_PARSE_LIMITS.maxDepth).toBeGreaterThanOrEqual(1);
    expect(e.line! - DEFAULT_PARSE_LIMITS.maxDepth).toBeLessThanOrEqual(2);
    expectLimit(() => parseYaml('- '.repeat(100_000) + 'x\n'), 'nesting-depth');
  });

  it('accepts nesting up to the limit', () => {
    const n = DEFAULT_PARSE_LIMITS.maxDepth - 1;
    const d = parseYaml(`a: ${'['.repeat(n)}${']'.repeat(n)}\n`)!.first!;
    expect(d.isSeq(d.get(d.root, 'a'))).toBe(true);
  });

  it('bounds depth with aliases expanded (a chain of aliases nesting each other)', () => {
    const lines = ['a0: &a0 [x]'];
    for (let i = 1; i < 200; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`);
    expectLimit(() => parseYaml(lines.join('\n')), 'nesting-depth');
  });

  it('bounds the text size; a large scalar under it parses quickly', () => {
    const e = expectLimit(() => parseYaml(`a: "${'x'.repeat(DEFAULT_PARSE_LIMITS.maxChars)}"\n`), 'text-size');
    expect(e.message).toMatch(/characters/);
    const { value, ms } = timed(() => parseYaml(`a: ${'y'.repeat(1_500_000)}\nb: |\n${'  line of a block scalar\n'.repeat(20_000)}`));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value!.first!.str(value!.first!.get(value!.first!.root, 'a'))).toHaveLength(1_500_000);
  });

  it('finds duplicate keys in linear time (a 60,000-key mapping)', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `key${i}: v`);
    const { value, ms } = timed(() => parseYaml(keys.join('\n')));
    expect(ms).toBeLessThan(3 * BOUND_MS);
    expect(value!.first!.entries(value!.first!.root)).toHaveLength(60_000);
    expect(parseYaml([...keys.slice(0, 1000), 'key7: again'].join('\n'))).toBeUndefined();
    expect(parseYaml([...keys.slice(0, 1000), 'key7: again'].join('\n'), { uniqueKeys: false })).toBeDefined();
  });

  it('bounds what the walk helpers resolve through aliases', () => {
    const text = 'base: &b { x: 1, y: 2 }\n' + Array.from({ length: 50 }, (_, i) => `u${i}: { <<: *b }`).join('\n') + '\n';
    const d = parseYaml(text, { limits: { maxWalkSteps: 40 } })!.first!;
    let caught: unknown;
    try {
      d.toJS(d.root);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LimitExceeded);
    expect((caught as LimitExceeded).limit).toBe('walk-steps');
    const ok = parseYaml(text)!.first!;
    expect(Object.keys(ok.toJS(ok.root) as object)).toHaveLength(51);
  });

  it('gives every caller of a cached file its own walk budget', () => {
    const text = 'base: &b { x: 1, y: 2 }\n' + Array.from({ length: 30 }, (_, i) => `u${i}: { <<: *b }`).join('\n') + '\n';
    clearYamlCache();
    for (let i = 0; i < 10; i++) {
      const d = parseYaml(text, { limits: { maxWalkSteps: 200 } })!.first!;
      expect(Object.keys(d.toJS(d.root) as object)).toHaveLength(31);
    }
  });

  it('remembers a limit for the next caller of the same text', () => {
    clearYamlCache();
    const bomb = aliasBomb();
    expect(() => parseYaml(bomb)).toThrow(LimitExceeded);
    const t = performance.now();
    expect(() => parseYaml(bomb)).toThrow(LimitExceeded);
    expect(performance.now() - t).toBeLessThan(50);
  });
});

describe('HCL limits', () => {
  it('rejects deep nesting instead of overflowing the stack', () => {
    expectLimit(() => parseHcl(`x = ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`), 'nesting-depth');
    expectLimit(() => parseHcl(`x = ${'{a = '.repeat(20_000)}1${'}'.repeat(20_000)}\n`), 'nesting-depth');
    expectLimit(() => parseHcl('a {\n'.repeat(5_000) + '}\n'.repeat(5_000)), 'nesting-depth');
  });

  it('bounds the text size', () => {
    expectLimit(() => parseHcl(`x = "${'a'.repeat(DEFAULT_PARSE_LIMITS.maxHclChars)}"\n`), 'text-size');
  });

  it('gives the parser a deadline (its error recovery is super-linear on some garbage) and recovers after it', () => {
    const garbage = Array.from({ length: 200_000 }, (_, i) => '{[("=$'[i % 7]).join(' ');
    const t = performance.now();
    let caught: unknown;
    try {
      parseHcl(garbage);
    } catch (e) {
      caught = e;
    }
    expect(performance.now() - t).toBeLessThan(DEFAULT_PARSE_LIMITS.maxHclParseMs + BOUND_MS);
    // On a fast machine it may finish in time; otherwise it is a `parse-time` limit, never a hang.
    if (caught !== undefined) expect(caught).toMatchObject({ limit: 'parse-time' });
    expect(parseHcl('resource "a" "b" {\n  x = 1\n}\n')!.root.blocks).toHaveLength(1);
  });

  it('still parses ordinary nesting', () => {
    const f = parseHcl(`x = ${'['.repeat(50)}1${']'.repeat(50)}\nresource "a" "b" {\n  c { d { e = 1 } }\n}\n`)!;
    expect(f.root.blocks[0]!.labels).toEqual(['a', 'b']);
  });
});

describe('JSON (IAM policy documents) limits', () => {
  it('reports deep nesting as a limit, not as "no policy here"', () => {
    expectLimit(() => parseJsonText(`{"a": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`), 'nesting-depth');
    expect(parseJsonText(`{"a": ${'['.repeat(50)}${']'.repeat(50)}}`)).toBeDefined();
    expect(parseJsonText('{"a": [}')).toBeUndefined();
  });
});
