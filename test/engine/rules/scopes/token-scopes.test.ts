import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/token-scopes.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const INV = '.github/token-inventory.yml';
const inventory = y`
  tokens:
    - name: release-bot
      kind: classic-pat
      owner: "@acme/release"
      scopes: [repo, workflow, write:packages]
    - name: org-admin-script
      kind: classic-pat
      scopes:
        - read:org
        - admin:org
        - delete_repo
    - name: billing-export
      kind: api-key
      scopes: ["*"]
    - name: deploy
      kind: fine-grained-pat
      scopes: [contents:read]
`;

ruleTester(rule, {
  valid: [
    { code: 'tokens:\n  - name: ci\n    kind: classic-pat\n    scopes: [repo, read:org]\n', path: INV },
    // OAuth scopes of another issuer are not GitHub's
    { code: 'google:\n  oauth_scopes:\n    - https://www.googleapis.com/auth/drive.readonly\n', path: 'config/auth.yml' },
    // `scope` in an unrelated config
    { code: 'npm:\n  scope: "@acme"\n', path: 'config/npm.yml' },
    { code: 'rbac:\n  scope: all\n', path: 'charts/values.yaml' },
    // allowed explicitly for the kind
    { code: 'tokens:\n  - name: janitor\n    kind: classic-pat\n    scopes: [delete_repo]\n', path: INV, options: { allowed: { 'classic-pat': ['repo', 'delete_repo'] } } },
    // an allowed scope covers what it implies
    { code: 'tokens:\n  - name: reader\n    kind: oauth-app\n    scopes: "read:org repo:status"\n', path: INV, options: { allowed: { 'oauth-app': ['admin:org', 'repo'] } } },
  ],
  invalid: [
    { code: inventory, path: INV, count: 3, line: 10 },
    // scopes near a GitHub token kind in other config, as a string
    { code: 'github:\n  token_type: oauth\n  oauth_scopes: "repo, admin:enterprise"\n', path: 'config/integrations.yml', count: 1, line: 3 },
    { code: '{"github_pat": {"scopes": ["repo", "site_admin"]}}', path: 'settings.json', count: 1, line: 1 },
    // a key right after `,` or `{` (minified JSON, a YAML flow mapping), or camel-cased: still a key
    { code: '{"deps":{"eslint-scope":"8"},"github":{"name":"ci","tokenScopes":["delete_repo"]}}', path: 'min.json', count: 1 },
    { code: 'github: {token_type: classic, scopes: [admin:org]}\n', path: 'ci/flow.yml', count: 1, line: 1 },
    // a per-kind allow-list
    {
      code: 'tokens:\n  - name: ci\n    kind: classic-pat\n    scopes: [repo, workflow, read:org]\n',
      path: INV,
      options: { allowed: { 'classic-pat': ['public_repo', 'read:org'] } },
      count: 2,
      line: 4,
    },
  ],
});

describe('scopes/token-scopes', () => {
  it('rates and explains each scope, and names the smaller set', () => {
    const found = runRule(rule, { code: inventory, path: INV });
    expect(found.map((f) => [f.startLine, f.severity])).toEqual([
      [10, 'critical'],
      [11, 'high'],
      [14, 'high'],
    ]);
    expect(found[0]!.message).toMatch(/Token `org-admin-script` \(classic-pat\) has `admin:org`/);
    expect(found[0]!.remediation).toMatch(/scopes \[read:org, delete_repo\]/);
    expect(found[2]!.message).toMatch(/wildcard/);
  });
});
