import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/engine/registry.js';
import { ruleOptions } from '../../src/cli/rules-command.js';
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

  it("shows a rule's options from its metadata (type, default, description) and what the policy in effect sets", async () => {
    const repo = tempRepo();
    write(repo.dir, { '.github/tokenwarden.yml': 'rules:\n  scopes/k8s-rbac-wildcard:\n    level: warn\n    options:\n      allowRoles: ["system:*"]\n' });
    const r = await tw(['rules', 'scopes/k8s-rbac-wildcard'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  level       warn (policy: built-in:default + .github/tokenwarden.yml)');
    const described = allRules.find((x) => x.meta.id === 'scopes/k8s-rbac-wildcard')!.meta.options!.allowRoles!.description;
    expect(r.stdout).toContain(
      `Options\n  checked when the policy loads (an unknown option or a wrong value is an error at its line):\n  allowRoles: a list of strings, default []\n      ${described}\n`,
    );
    expect(r.stdout).toMatch(/^ {4}rules:\n {6}scopes\/k8s-rbac-wildcard:\n {8}options:\n {10}allowRoles: \[\]/m);
    expect(r.stdout).toMatch(/set by the policy in effect:\n {4}options:\n {6}allowRoles:\n {8}- system:\*/);
    const json = JSON.parse((await tw(['rules', 'scopes/k8s-rbac-wildcard', '--format', 'json'], { cwd: repo.dir })).stdout);
    expect(json).toMatchObject({ id: 'scopes/k8s-rbac-wildcard', level: 'warn', configured: { options: { allowRoles: ['system:*'] } } });
    expect(json.options).toEqual([{ name: 'allowRoles', type: 'a list of strings', default: [], description: described }]);
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

  it('ruleOptions lists the options a rule declares, with the keys of nested mappings', async () => {
    const byId = (id: string) => ruleOptions(allRules.find((x) => x.meta.id === id)!);
    expect(byId('secrets/github-token')).toEqual([]);
    expect(byId('scopes/k8s-cluster-admin-binding').map((o) => [o.name, o.type, o.default])).toEqual([
      ['adminRoles', 'a list of strings', ['cluster-admin']],
      ['broadRoles', 'a list of strings', ['admin', 'edit']],
      ['allowSubjects', 'a list of strings', []],
    ]);
    const [allow] = byId('scopes/workflow-disallowed-write');
    expect(allow).toMatchObject({ name: 'allow', type: 'a list of mappings with `workflow`, `job`, `permissions`' });
    expect(allow!.default).toBeUndefined();
    expect(allow!.keys!.map((k) => k.name)).toEqual(['workflow', 'job', 'permissions']);
    const r = await tw(['rules', 'scopes/workflow-disallowed-write'], { cwd: tempDir() });
    expect(r.stdout).toContain('\n  allow: a list of mappings with `workflow`, `job`, `permissions`\n');
    expect(r.stdout).toContain('\n      workflow: a list of strings\n          Globs of workflow paths');
    expect(r.stdout).not.toContain('e.g. (the defaults)');
  });
});
