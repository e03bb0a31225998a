import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/app-token-unscoped.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { wf, y } from './helpers.js';

const step = (inputs: string) => y`
  on: push
  permissions: {}
  jobs:
    app:
      runs-on: ubuntu-latest
      steps:
        - uses: actions/create-github-app-token@v2
          with:
            client-id: \${{ vars.APP_CLIENT_ID }}
            private-key: \${{ secrets.APP_KEY }}
${inputs}
`;

ruleTester(rule, {
  valid: [
    wf(step('            permission-contents: read')),
    wf(step('            owner: octo\n            repositories: docs,site\n            permission-issues: write')),
    // only org-level permissions: `repositories` is moot
    wf(step('            owner: ${{ github.repository_owner }}\n            permission-members: read')),
    // inputs computed at run time cannot be judged
    wf('on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/create-github-app-token@v2\n        with: ${{ fromJSON(vars.APP) }}\n'),
    wf(step('            skip-token-revoke: false\n            permission-contents: read')),
  ],
  invalid: [
    { ...wf(step('')), count: 1, line: 7 },
    { ...wf(step('            owner: octo\n            permission-issues: write')), count: 1, line: 11 },
    { ...wf(step('            owner: octo')), count: 2, line: 7 },
    { ...wf(step('            owner: octo\n            permission-members: write\n            permission-issues: write')), count: 1, line: 11 },
    { ...wf(step('            skip-token-revoke: true\n            permission-issues: write')), count: 1, line: 11 },
    { ...wf(step("            skip-token-revoke: ${{ github.ref_name == 'main' }}\n            permission-issues: write")), count: 1, line: 11 },
    // no `with:` at all, in a composite action
    { code: 'name: x\nruns:\n  using: composite\n  steps:\n    - uses: actions/create-github-app-token@v1\n', path: 'tools/action.yml', count: 1, line: 5 },
    // the archived tibdex action without `permissions`
    { ...wf('on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: tibdex/github-app-token@v2\n        with:\n          app_id: 1\n'), count: 1, line: 6 },
  ],
});

describe('scopes/app-token-unscoped', () => {
  it('suggests permission inputs from what the job does', () => {
    const code = step('').replace('            private-key: ${{ secrets.APP_KEY }}\n', '            private-key: ${{ secrets.APP_KEY }}\n') + '      - uses: peter-evans/create-pull-request@v7\n';
    const [f] = runRule(rule, wf(code));
    expect(f!.remediation).toMatch(/`permission-contents: write`, `permission-pull-requests: write`/);
  });
  it('marks a computed skip-token-revoke as low confidence', () => {
    const [f] = runRule(rule, wf(step('            skip-token-revoke: ${{ inputs.keep }}\n            permission-issues: write')));
    expect(f!.confidence).toBe('low');
  });
});
