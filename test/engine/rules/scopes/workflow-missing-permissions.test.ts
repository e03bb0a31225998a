import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/workflow-missing-permissions.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { wf, y } from './helpers.js';

const oneJob = y`
  on: push
  name: ci
  jobs:
    test:
      runs-on: ubuntu-latest
      steps:
        - uses: actions/checkout@v4
        - run: npm test
`;

ruleTester(rule, {
  valid: [
    // the workflow clears or sets permissions: jobs inherit them
    wf('on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n  b:\n    runs-on: x\n    steps: [{run: echo}]\n'),
    wf('on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n'),
    // `permissions:` with no value counts as declared (every scope none)
    wf('on: push\npermissions:\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n'),
    // reusable-only workflow: the caller decides the permissions of its plain jobs
    wf('on:\n  workflow_call:\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n'),
    // not a workflow
    { code: 'jobs:\n  a: 1\n', path: 'data/jobs.yml' },
  ],
  invalid: [
    // reported at `on:` when no job declares anything (the fix is at the top)
    { ...wf(oneJob), count: 1, line: 1 },
    // several jobs without permissions: one finding for the workflow, not one per job
    { ...wf('on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n  b:\n    runs-on: x\n    steps: [{run: echo}]\n  c:\n    runs-on: x\n    steps: [{run: echo}]\n'), count: 1, line: 1 },
    // some jobs explicit: at the first job that is not
    { ...wf('on: push\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n    steps: [{run: echo}]\n  b:\n    runs-on: x\n    steps: [{run: echo}]\n'), count: 1, line: 7 },
    {
      ...wf(y`
        on:
          workflow_call:
          push:
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - run: echo hello
          call:
            uses: octo/reusable/.github/workflows/x.yml@v1
      `),
      count: 1,
      line: 1,
    },
    // a reusable-only workflow still passes the default on to a workflow it calls
    { ...wf('on: workflow_call\njobs:\n  plain:\n    runs-on: x\n    steps: [{run: echo}]\n  nested:\n    uses: ./.github/workflows/other.yml\n'), count: 1, line: 6 },
    // every job explicit, no top-level block: reported at info (off under the default policy)
    { ...wf('on: push\njobs:\n  a:\n    runs-on: x\n    permissions:\n      contents: write\n    steps: [{run: echo}]\n'), count: 1, line: 1 },
  ],
});

describe('scopes/workflow-missing-permissions severity', () => {
  it('is medium by default, high on privileged triggers, and follows the known repository default', () => {
    expect(runRule(rule, wf(oneJob))[0]!.severity).toBe('medium');
    expect(runRule(rule, wf(oneJob.replace('on: push', 'on: pull_request_target')))[0]!.severity).toBe('high');
    expect(runRule(rule, wf(oneJob.replace('on: push', 'on: [issue_comment]')))[0]!.severity).toBe('high');
    expect(runRule(rule, { ...wf(oneJob), options: { repositoryDefault: 'restricted' } })[0]!.severity).toBe('low');
    expect(runRule(rule, { ...wf(oneJob.replace('on: push', 'on: workflow_run')), options: { repositoryDefault: 'permissive' } })[0]!.severity).toBe('critical');
  });

  it('suggests the one top-level block, and write only in the jobs that need it', () => {
    const f = runRule(rule, wf(oneJob.replace('- run: npm test', '- run: gh pr comment 1 --body ok')))[0]!;
    expect(f.remediation).toMatch(/^Add `permissions: \{ contents: read \}` at the top of the workflow/);
    expect(f.remediation).toMatch(/job `test`: `permissions: \{ contents: read, pull-requests: write \}`/);
    expect(f.message).toMatch(/Job `test` has no `permissions:`/);
    const two = runRule(rule, wf('on: push\njobs:\n  lint:\n    runs-on: x\n    steps: [{run: npm run lint}]\n  release:\n    runs-on: x\n    steps:\n      - run: gh release create v1\n'));
    expect(two).toHaveLength(1);
    expect(two[0]!.message).toMatch(/none of its 2 jobs sets any/);
    expect(two[0]!.remediation).toMatch(/job `release`: `permissions: \{ contents: write \}`/);
    expect(two[0]!.remediation).not.toMatch(/job `lint`/);
  });

  it('marks the all-explicit case as info', () => {
    const [f] = runRule(rule, wf('on: push\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n    steps: [{run: echo}]\n'));
    expect(f!.severity).toBe('info');
  });
});
