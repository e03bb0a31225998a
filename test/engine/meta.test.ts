/**
 * The rule contract, checked for every registered rule: metadata complete, ids match file names,
 * keywords usable by the prefilter, a revoke guide for secrets, a test file per rule, and no rule file
 * left out of the registry.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIDENCES, SEVERITIES, type Family } from '../../src/engine/finding.js';
import { allRules, ruleById } from '../../src/engine/registry.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULES_DIR = join(ROOT, 'src/engine/rules');
const TESTS_DIR = join(ROOT, 'test/engine/rules');
const FAMILIES: readonly Family[] = ['secrets', 'scopes', 'rotation'];
/** Files and folders in a family folder that are not rules. */
const NOT_RULES = new Set(['define.ts', 'index.ts', 'groups', 'lib']);

const ID = /^(secrets|scopes|rotation)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

describe('the registry', () => {
  it('has rules', () => {
    expect(allRules.length).toBeGreaterThan(0);
  });

  it('has unique ids', () => {
    const seen = new Map<string, number>();
    for (const r of allRules) seen.set(r.meta.id, (seen.get(r.meta.id) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([id]) => id)).toEqual([]);
  });

  it('registers every rule file under src/engine/rules/<family>/', () => {
    const unregistered: string[] = [];
    for (const family of FAMILIES) {
      const dir = join(RULES_DIR, family);
      if (!existsSync(dir)) continue;
      for (const entry of readdirSync(dir).sort()) {
        if (NOT_RULES.has(entry) || statSync(join(dir, entry)).isDirectory()) continue;
        if (!entry.endsWith('.ts') || entry.endsWith('.d.ts')) continue;
        const id = `${family}/${entry.slice(0, -3)}`;
        if (!ruleById(id)) unregistered.push(`src/engine/rules/${family}/${entry} (expected id ${id})`);
      }
    }
    expect(unregistered, 'register each rule in its group file (src/engine/rules/<family>/groups/*.ts or index.ts); move shared helpers into src/engine/rules/<family>/lib/').toEqual([]);
  });

  it('has no rule folder outside the known families', () => {
    const dirs = readdirSync(RULES_DIR).filter((e) => statSync(join(RULES_DIR, e)).isDirectory());
    expect(dirs.filter((d) => !(FAMILIES as readonly string[]).includes(d))).toEqual([]);
  });
});

describe.each(allRules.map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  const m = ID.exec(id);
  const family = m?.[1] ?? '';
  const name = m?.[2] ?? '';

  it('has an id of the form <family>/<file-name> matching its family and source file', () => {
    expect(id).toMatch(ID);
    expect(rule.meta.family).toBe(family);
    expect(existsSync(join(RULES_DIR, family, `${name}.ts`)), `src/engine/rules/${family}/${name}.ts`).toBe(true);
  });

  it('has a one-line description and a remediation', () => {
    expect(rule.meta.description.trim().length).toBeGreaterThan(10);
    expect(rule.meta.description).not.toMatch(/\n/);
    expect(rule.meta.remediation.trim().length).toBeGreaterThan(10);
  });

  it('names at least one control', () => {
    expect(Array.isArray(rule.meta.controls)).toBe(true);
    expect(rule.meta.controls.length).toBeGreaterThan(0);
    for (const c of rule.meta.controls) expect(c).toMatch(/^\S+$/);
    expect(new Set(rule.meta.controls).size).toBe(rule.meta.controls.length);
  });

  it('has a severity and a confidence from the allowed sets', () => {
    expect(SEVERITIES).toContain(rule.meta.severity);
    expect(CONFIDENCES).toContain(rule.meta.confidence);
  });

  it('has lower-case ASCII keywords, or an explicit empty list', () => {
    expect(Array.isArray(rule.keywords)).toBe(true);
    for (const k of rule.keywords) {
      expect(typeof k).toBe('string');
      expect(k.length, 'empty keyword').toBeGreaterThan(0);
      expect(k, 'keywords must be printable ASCII').toMatch(/^[\x20-\x7e]+$/);
      expect(k, 'keywords must be lower case').toBe(k.toLowerCase());
    }
    expect(new Set(rule.keywords).size, 'duplicate keyword').toBe(rule.keywords.length);
  });

  it('has a scope and a check function', () => {
    expect(['line', 'file']).toContain(rule.scope);
    expect(typeof rule.check).toBe('function');
    if (rule.appliesTo !== undefined) expect(typeof rule.appliesTo).toBe('function');
    if (rule.fallback !== undefined) expect(typeof rule.fallback).toBe('boolean');
  });

  if (family === 'secrets') {
    it('has a revoke guide', () => {
      const g = rule.meta.revoke;
      expect(g, 'secret rules need meta.revoke: provider, url, steps').toBeDefined();
      expect(g!.provider.trim().length).toBeGreaterThan(0);
      expect(g!.steps.length).toBeGreaterThan(0);
      for (const s of g!.steps) expect(s.trim().length).toBeGreaterThan(0);
      if (g!.url !== undefined) expect(g!.url).toMatch(/^https:\/\//);
    });
  }

  it('has a test file that imports it', () => {
    const file = join(TESTS_DIR, family, `${name}.test.ts`);
    expect(existsSync(file), `test/engine/rules/${family}/${name}.test.ts`).toBe(true);
    expect(readFileSync(file, 'utf8'), `the test must import src/engine/rules/${family}/${name}.js`).toContain(`rules/${family}/${name}.js`);
  });
});
