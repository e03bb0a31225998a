import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/workflow-secrets-inherit.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { wf, y } from './helpers.js';

const calls = y`
  on: push
  permissions: {}
  jobs:
    vulnerable:
      uses: octo-org/shared/.github/workflows/deploy.yml@main
      secrets: inherit
    explicit:
      uses: octo-org/shared/.github/workflows/deploy.yml@main
      secrets:
        DEPLOY_KEY: \${{ secrets.DEPLOY_KEY }}
    none:
      uses: octo-org/shared/.github/workflows/deploy.yml@main
    empty:
      uses: octo-org/shared/.github/workflows/deploy.yml@main
      secrets: {}
`;

ruleTester(rule, {
  valid: [
    wf(calls.replace('secrets: inherit', 'secrets: {}')),
    // `inherit` somewhere else is not a secrets grant
    wf('on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      MODE: inherit\n    steps: [{run: echo inherit}]\n'),
  ],
  invalid: [
    { ...wf(calls), count: 1, line: 6 },
    { ...wf('on: push\njobs:\n  deploy:\n    uses: ./.github/workflows/internal.yml\n    secrets: inherit\n'), count: 1, line: 5 },
    // the self-repository form: this repository at the running commit
    { ...wf('on: push\njobs:\n  deploy:\n    uses: $/.github/workflows/internal.yml\n    secrets: inherit\n'), count: 1, line: 5 },
  ],
});

describe('scopes/workflow-secrets-inherit severity', () => {
  it('is high for an unpinned external workflow, medium when pinned, info for a local one', () => {
    expect(runRule(rule, wf(calls))[0]!.severity).toBe('high');
    expect(runRule(rule, wf(calls.replace('deploy.yml@main\n    secrets: inherit', `deploy.yml@${'a'.repeat(40)}\n    secrets: inherit`)))[0]!.severity).toBe('medium');
    expect(runRule(rule, wf('on: push\njobs:\n  deploy:\n    uses: ./.github/workflows/internal.yml\n    secrets: inherit\n'))[0]!.severity).toBe('info');
  });
  it('reads `$/…` (the self-repository form) as a workflow of this repository, not an unpinned one elsewhere', () => {
    const [f] = runRule(rule, wf('on: pull_request_target\njobs:\n  review:\n    uses: $/.github/workflows/review.yml\n    secrets: inherit\n'));
    expect(f!.severity).toBe('info');
    expect(f!.message).toMatch(/to the local workflow `\$\/\.github\/workflows\/review\.yml`/);
    expect(f!.remediation).not.toMatch(/pin it/);
  });
});
