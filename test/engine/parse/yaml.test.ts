import { describe, expect, it } from 'vitest';
import { clearYamlCache, parseJson, parseYaml } from '../../../src/engine/parse/yaml.js';

describe('parseYaml', () => {
  it('gives 1-based positions of keys and values', () => {
    const f = parseYaml('name: ci\njobs:\n  build:\n    runs-on: ubuntu-latest\n')!;
    const d = f.first!;
    const build = d.entry(d.get(d.root, 'jobs'), 'build')!;
    expect(d.pos(build.keyNode)).toEqual({ line: 3, column: 3 });
    expect(d.str(d.get(d.root, 'jobs', 'build', 'runs-on'))).toBe('ubuntu-latest');
    expect(d.pos(d.get(d.root, 'jobs', 'build', 'runs-on'))).toEqual({ line: 4, column: 14 });
  });

  it('keeps `on`, `yes` and `off` as strings in YAML 1.2 and reads them as booleans in 1.1', () => {
    const d = parseYaml('on: push\nflag: yes\n')!.first!;
    expect(d.entries(d.root).map((e) => e.key)).toEqual(['on', 'flag']);
    expect(d.str(d.get(d.root, 'flag'))).toBe('yes');
    const k = parseYaml('flag: yes\n', { version: '1.1' })!.first!;
    expect(d.toJS(d.root)).toEqual({ on: 'push', flag: 'yes' });
    expect(k.toJS(k.root)).toEqual({ flag: true });
  });

  it('resolves aliases and merge keys', () => {
    const d = parseYaml('base: &b\n  contents: read\n  issues: write\nci:\n  <<: *b\n  issues: read\nother: *b\n')!.first!;
    expect(d.toJS(d.get(d.root, 'ci'))).toEqual({ issues: 'read', contents: 'read' });
    expect(d.str(d.get(d.root, 'other', 'issues'))).toBe('write');
    expect(d.has(d.get(d.root, 'ci'), 'contents')).toBe(true);
  });

  it('walks sequences by index and lists strings', () => {
    const d = parseYaml('steps:\n  - uses: a/b@v1\n  - run: echo\nscopes: [repo, "read:org"]\none: x\n')!.first!;
    expect(d.str(d.get(d.root, 'steps', 0, 'uses'))).toBe('a/b@v1');
    expect(d.get(d.root, 'steps', 5)).toBeUndefined();
    expect(d.items(d.get(d.root, 'steps'))).toHaveLength(2);
    expect(d.strings(d.get(d.root, 'scopes'))).toEqual(['repo', 'read:org']);
    expect(d.strings(d.get(d.root, 'one'))).toEqual(['x']);
  });

  it('tells an empty value from a missing key', () => {
    const d = parseYaml('permissions:\njobs: {}\n')!.first!;
    expect(d.has(d.root, 'permissions')).toBe(true);
    expect(d.isNull(d.get(d.root, 'permissions'))).toBe(true);
    expect(d.has(d.root, 'missing')).toBe(false);
  });

  it('returns undefined for malformed YAML and duplicate keys, never throws', () => {
    expect(parseYaml('a: [1, 2\nb: c: d\n')).toBeUndefined();
    expect(parseYaml('a: 1\na: 2\n')).toBeUndefined();
    expect(parseYaml('\t- x\n  y: [')).toBeUndefined();
    expect(parseYaml('')?.docs).toEqual([]);
  });

  it('parses multi-document streams, strictly or keeping the good documents', () => {
    const text = 'kind: Role\n---\nkind: RoleBinding\nroleRef:\n  name: admin\n';
    const f = parseYaml(text)!;
    expect(f.docs).toHaveLength(2);
    expect(f.docs[1]!.pos(f.docs[1]!.get(f.docs[1]!.root, 'roleRef', 'name'))).toEqual({ line: 5, column: 9 });
    const broken = 'kind: Role\n---\nkind: [\n---\nkind: Pod\n';
    expect(parseYaml(broken)).toBeUndefined();
    expect(parseYaml(broken, { tolerant: true })!.docs.map((d) => d.str(d.get(d.root, 'kind')))).toEqual(['Role', 'Pod']);
  });

  it('parses JSON (tabs, escapes, duplicate keys) with positions', () => {
    const f = parseJson('{\n\t"default_permissions": {\n\t\t"contents": "read",\n\t\t"path": "a\\/b"\n\t},\n\t"x": 1,\n\t"x": 2\n}\n')!;
    const d = f.first!;
    expect(d.pos(d.entry(d.get(d.root, 'default_permissions'), 'contents')!.keyNode)).toEqual({ line: 3, column: 3 });
    expect(d.str(d.get(d.root, 'default_permissions', 'path'))).toBe('a/b');
  });

  it('caches the last parse', () => {
    clearYamlCache();
    const text = 'a: 1\n';
    expect(parseYaml(text)).toBe(parseYaml(text));
    expect(parseYaml(text, { version: '1.1' })).not.toBe(parseYaml(text));
  });

  it('visits every scalar with its path and raw source', () => {
    const d = parseYaml('env:\n  A: ${{ toJSON(secrets) }}\nlist: [x, "y"]\n')!.first!;
    const seen = [...d.scalars(d.root)].map((s) => [s.path.join('.'), d.source(s.node)]);
    expect(seen).toEqual([
      ['env.A', '${{ toJSON(secrets) }}'],
      ['list.0', 'x'],
      ['list.1', '"y"'],
    ]);
  });

  it('visits scalars through aliases and merge keys where they are used, each node where its anchor writes it', () => {
    const text = 'base: &b\n  x: 1\n  y: 2\nlist: &l [p]\nuse:\n  alias: *b\n  merged:\n    <<: *b\n    y: own\n  items: *l\n';
    const d = parseYaml(text)!.first!;
    const seen = [...d.resolvedScalars(d.get(d.root, 'use'))].map((s) => `${s.path.join('.')}=${d.source(s.node)}@${d.pos(s.node)!.line}`);
    // An explicit key wins over a merged one (`y: own`); merged entries come after the mapping's own.
    expect(seen).toEqual(['alias.x=1@2', 'alias.y=2@3', 'merged.y=own@9', 'merged.x=1@2', 'items.0=p@4']);
    // `scalars` reads each node once, where it is written: not through the aliases.
    expect([...d.scalars(d.get(d.root, 'use'))].map((s) => s.path.join('.'))).toEqual(['merged.y']);
  });
});
