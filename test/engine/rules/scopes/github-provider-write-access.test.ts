import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/github-provider-write-access.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';

const TF = 'github/main.tf';
const res = (type: string, name: string, body: string) => ({ code: `resource "${type}" "${name}" {\n${body}}\n`, path: TF });
const deployKey = (extra: string) => res('github_repository_deploy_key', 'ci', `  title      = "ci"\n  repository = "app"\n  key        = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB"\n${extra}`);
const repoPerms = (body: string) => res('github_workflow_repository_permissions', 'app', `  repository = github_repository.app.name\n${body}`);
const orgPerms = (body: string) => res('github_actions_organization_workflow_permissions', 'org', `  organization_slug = "acme"\n${body}`);
const orgSettings = (body: string) => res('github_organization_settings', 'acme', `  billing_email = "billing@example.com"\n${body}`);

ruleTester(rule, {
  valid: [
    // deploy keys: read-only, the default, or not known here
    deployKey('  read_only  = true\n'),
    deployKey('  read_only  = "true"\n'),
    deployKey(''),
    deployKey('  read_only  = var.deploy_key_read_only\n'),
    deployKey('  read_only  = local.push ? false : true\n'),
    // workflow permissions: read, the defaults, unknown values
    repoPerms('  default_workflow_permissions     = "read"\n  can_approve_pull_request_reviews = false\n'),
    repoPerms(''),
    repoPerms('  default_workflow_permissions = var.workflow_permissions\n  can_approve_pull_request_reviews = var.approve\n'),
    orgPerms('  default_workflow_permissions     = "read"\n  can_approve_pull_request_reviews = false\n'),
    res('github_enterprise_actions_workflow_permissions', 'ent', '  enterprise_slug = "acme"\n  default_workflow_permissions = "read"\n'),
    // organization base permission: read, none, default, variable
    orgSettings('  default_repository_permission = "read"\n'),
    orgSettings('  default_repository_permission = "none"\n'),
    orgSettings('  members_can_create_repositories = true\n'),
    orgSettings('  default_repository_permission = var.base_permission\n'),
    // the same attributes on other resources or outside a resource
    res('github_repository_collaborator', 'x', '  repository = "app"\n  username = "bot"\n  permission = "admin"\n'),
    res('github_team_repository', 'x', '  team_id = github_team.t.id\n  repository = "app"\n  permission = "push"\n'),
    { code: 'variable "default_workflow_permissions" {\n  default = "write"\n}\n', path: TF },
    { code: 'data "github_organization_settings" "o" {\n  default_repository_permission = "admin"\n}\n', path: TF },
    // not Terraform
    { code: 'default_workflow_permissions = "write"\ncan_approve_pull_request_reviews = true\n', path: 'notes/settings.hcl.txt' },
    { code: 'github_repository_deploy_key:\n  read_only: false\n', path: 'config.yml' },
  ],
  invalid: [
    { ...deployKey('  read_only  = false\n'), count: 1, line: 5 },
    // the provider's own example writes the boolean as a string
    { ...deployKey('  read_only  = "false"\n'), count: 1, line: 5 },
    { ...repoPerms('  default_workflow_permissions = "write"\n'), count: 1, line: 3 },
    { ...repoPerms('  can_approve_pull_request_reviews = true\n'), count: 1, line: 3 },
    { ...repoPerms('  default_workflow_permissions     = "write"\n  can_approve_pull_request_reviews = true\n'), count: 2 },
    { ...res('github_actions_default_workflow_repository_permissions', 'app', '  repository = "app"\n  default_workflow_permissions = "write"\n'), count: 1 },
    { ...orgPerms('  default_workflow_permissions     = "write"\n  can_approve_pull_request_reviews = true\n'), count: 2 },
    { ...res('github_enterprise_actions_workflow_permissions', 'ent', '  enterprise_slug = "acme"\n  can_approve_pull_request_reviews = "true"\n'), count: 1 },
    { ...orgSettings('  default_repository_permission = "write"\n'), count: 1, line: 3 },
    { ...orgSettings('  default_repository_permission = "admin"\n'), count: 1, line: 3 },
    // several resources in one file: one finding per setting
    {
      code: [deployKey('  read_only  = false\n').code, repoPerms('  default_workflow_permissions = "write"\n').code, orgSettings('  default_repository_permission = "admin"\n').code].join('\n'),
      path: 'infra/github.tf',
      count: 3,
    },
  ],
});

describe('scopes/github-provider-write-access', () => {
  it('names the resource and the attribute, and grades by reach', () => {
    const [key] = runRule(rule, deployKey('  read_only  = false\n'));
    expect(key!.message).toMatch(/^`github_repository_deploy_key\.ci` adds a deploy key with write access \(`read_only = false`\)/);
    expect(key!.severity).toBe('medium');

    const [repo] = runRule(rule, repoPerms('  default_workflow_permissions = "write"\n'));
    expect(repo!.message).toContain('`github_workflow_repository_permissions.app` sets `default_workflow_permissions = "write"`');
    expect(repo!.message).toContain('every workflow in the repository');
    expect(repo!.severity).toBe('medium');

    const org = runRule(rule, orgPerms('  default_workflow_permissions     = "write"\n  can_approve_pull_request_reviews = true\n'));
    expect(org.map((f) => f.severity)).toEqual(['high', 'high']);
    expect(org[0]!.message).toContain('every repository of the organization');
    expect(org[1]!.message).toContain('`can_approve_pull_request_reviews = true`');
    expect(org[1]!.message).toContain('required reviews');

    const [write] = runRule(rule, orgSettings('  default_repository_permission = "write"\n'));
    const [admin] = runRule(rule, orgSettings('  default_repository_permission = "admin"\n'));
    expect(write!.severity).toBe('medium');
    expect(admin!.severity).toBe('high');
    expect(admin!.message).toContain('`github_organization_settings.acme` sets `default_repository_permission = "admin"`');
  });

  it('keeps one fingerprint per resource and attribute', () => {
    const both = runRule(rule, repoPerms('  default_workflow_permissions     = "write"\n  can_approve_pull_request_reviews = true\n'));
    expect(new Set(both.map((f) => f.fingerprint)).size).toBe(2);
    const moved = runRule(rule, { ...repoPerms('\n\n  default_workflow_permissions = "write"\n') });
    const [first] = runRule(rule, repoPerms('  default_workflow_permissions = "write"\n'));
    expect(moved[0]!.fingerprint).toBe(first!.fingerprint);
  });
});
