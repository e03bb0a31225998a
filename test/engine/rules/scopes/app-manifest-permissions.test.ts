import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/app-manifest-permissions.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const probot = y`
  name: Deployer
  default_events: [push]
  default_permissions:
    contents: write
    administration: write
    workflows: write
    issues: write
    metadata: read
    members: read
`;

const manifestJson = JSON.stringify({ name: 'bot', url: 'https://example.com', default_permissions: { checks: 'write', secrets: 'write', organization_projects: 'admin' } }, null, 2);

ruleTester(rule, {
  valid: [
    // this repository's own manifest: least privilege
    { code: 'default_permissions:\n  checks: write\n  contents: read\n  issues: write\n  pull_requests: read\n  metadata: read\n', path: 'app.yml' },
    { code: probot, path: 'app.yml', options: { allow: { administration: 'write', workflows: 'write' } } },
    { code: 'default_permissions:\n  administration: read\n  secrets: none\n', path: 'app.yaml' },
    { code: 'permissions:\n  administration: write\n', path: 'app.yml' },
  ],
  invalid: [
    { code: probot, path: 'app.yml', count: 2, line: 5 },
    { code: manifestJson, path: 'github-app-manifest.json', count: 2, line: 6 },
    // a policy that allows nothing beyond read for issues
    { code: probot, path: 'app.yml', options: { allow: { administration: 'write', workflows: 'write', issues: 'read' } }, count: 1, line: 7 },
    // nested in another config, JSON or YAML
    { code: 'app:\n  manifest:\n    default_permissions:\n      members: write\n', path: 'deploy/config.yml', count: 1, line: 4 },
  ],
});

describe('scopes/app-manifest-permissions severity', () => {
  it('is critical for administration, high for other sensitive permissions and admin levels', () => {
    const found = runRule(rule, { code: probot, path: 'app.yml' });
    expect(found.map((f) => [f.startLine, f.severity])).toEqual([
      [5, 'critical'],
      [6, 'high'],
    ]);
    expect(found[0]!.remediation).toMatch(/`administration: read`/);
    const json = runRule(rule, { code: manifestJson, path: 'github-app-manifest.json' });
    expect(json.map((f) => f.severity)).toEqual(['high', 'high']);
  });
});
