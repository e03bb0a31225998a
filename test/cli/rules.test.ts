import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/engine/registry.js';
import { documentedOptions } from '../../src/cli/rules-command.js';
import { tempDir, tempRepo, tw, write } from './harness.js';

describe('tokenwarden rules ID', () => {
  it('shows one rule whole: level, controls, remediation, revoke steps', async () => {
    const r = await tw(['rules', 'secrets/github-token'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    const meta = allRules.find((x) => x.meta.id === 'secrets/github-token')!.meta;
    expect(r.stdout.split('\n')[0]).toBe('secrets/github-token');
    expect(r.stdout).toContain(`  level       fail (policy: built-in:default)`);
    expect(r.stdout).toContain(`Revoke at ${meta.revoke!.provider} (${meta.revoke!.url})`);
    expect(r.stdout).toContain(`  1. ${meta.revoke!.steps[0]}`);
    expect(r.stdout).toContain('none besides the level and path globs');
  });

  it("shows a rule's options with the built-in defaults and what the policy in effect sets", async () => {
    const repo = tempRepo();
    write(repo.dir, { '.github/tokenwarden.yml': 'rules:\n  scopes/k8s-rbac-wildcard:\n    level: warn\n    options:\n      allowRoles: ["system:*"]\n' });
    const r = await tw(['rules', 'scopes/k8s-rbac-wildcard'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  level       warn (policy: built-in:default + .github/tokenwarden.yml)');
    expect(r.stdout).toMatch(/^ {4}rules:\n {6}scopes\/k8s-rbac-wildcard:\n {8}options:\n {10}allowRoles: \[\]/m);
    expect(r.stdout).toMatch(/set by the policy in effect:\n {4}options:\n {6}allowRoles:\n {8}- system:\*/);
    const json = JSON.parse((await tw(['rules', 'scopes/k8s-rbac-wildcard', '--format', 'json'], { cwd: repo.dir })).stdout);
    expect(json).toMatchObject({ id: 'scopes/k8s-rbac-wildcard', level: 'warn', configured: { options: { allowRoles: ['system:*'] } } });
    expect(json.documentedOptions).toContain('allowRoles');
  });

  it('a family lists its rules; an unknown id suggests close ones (exit 2)', async () => {
    const fam = await tw(['rules', 'rotation'], { cwd: tempDir() });
    expect(fam.code).toBe(0);
    expect(fam.stdout).toMatch(/rules in rotation;/);
    expect(fam.stdout).not.toContain('secrets/github-token');
    const typo = await tw(['rules', 'github-token'], { cwd: tempDir() });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("no rule 'github-token'");
    expect(typo.stderr).toContain('secrets/github-token');
  });

  it('documentedOptions reads the commented block of default.yml', () => {
    const text = '#  scopes/a:\n#    options:\n#      x: 1\n#  scopes/b: warn\n';
    expect(documentedOptions('scopes/a', text)).toEqual(['  options:', '    x: 1']);
    expect(documentedOptions('scopes/b', text)).toEqual([]);
    // Every documented id is a rule.
    const ids = new Set(allRules.map((r) => r.meta.id));
    for (const id of allRules.map((r) => r.meta.id)) if (documentedOptions(id).length) expect(ids.has(id)).toBe(true);
  });
});
