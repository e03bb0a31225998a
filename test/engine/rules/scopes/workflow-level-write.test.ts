import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/workflow-level-write.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { wf, y } from './helpers.js';

const twoJobs = y`
  on: push
  name: release
  permissions:
    contents: write
    id-token: write
    bogus: write
  jobs:
    test:
      runs-on: ubuntu-latest
      steps:
        - uses: actions/checkout@v4
        - run: make test
    release:
      runs-on: ubuntu-latest
      permissions:
        contents: write
      steps:
        - uses: softprops/action-gh-release@v2
    docs:
      runs-on: ubuntu-latest
      steps:
        - run: git push origin gh-pages
`;

ruleTester(rule, {
  valid: [
    wf('on: push\npermissions:\n  contents: read\n  pull-requests: read\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n  b:\n    runs-on: x\n    steps: [{run: echo}]\n'),
    // writes on the job are where they belong
    wf('on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    permissions:\n      contents: write\n    steps: [{run: echo}]\n'),
    // single job, a scope outside the supply-chain set, ordinary trigger (zizmor: pedantic; Scorecard, checkov: pass)
    wf('on: pull_request\npermissions:\n  contents: read\n  pull-requests: write\njobs:\n  build:\n    runs-on: x\n    steps: [{run: make}]\n'),
    // unknown scopes are the unknown-permission rule's
    wf('on: push\npermissions:\n  nonsense: write\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n  b:\n    runs-on: x\n    steps: [{run: echo}]\n'),
    wf('on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n'),
  ],
  invalid: [
    { ...wf(twoJobs), count: 2, line: 4 },
    // single job: still reported for supply-chain scopes (Scorecard), at a lower severity
    { ...wf('on: [push]\npermissions:\n  contents: write\n  packages: none\n  actions: read\njobs:\n  only:\n    runs-on: x\n    steps: [{run: echo}]\n'), count: 1, line: 3 },
    { ...wf('on: push\npermissions:\n  statuses: write\n  contents: read\n  checks: write\n  issues: write\njobs:\n  only:\n    runs-on: x\n    steps: [{run: echo}]\n'), count: 2, line: 3 },
    // privileged trigger: every write scope counts (KICS)
    {
      ...wf('on: pull_request_target\npermissions:\n  pull-requests: write\n  contents: write\njobs:\n  quality:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n'),
      count: 2,
      line: 3,
    },
    // every job sets its own permissions: the grant is dormant but a new job would inherit it
    {
      ...wf(
        'on: push\npermissions:\n  packages: write\njobs:\n  a:\n    runs-on: x\n    permissions: {}\n    steps: [{run: echo}]\n  b:\n    runs-on: x\n    permissions: {}\n    steps: [{run: echo}]\n',
      ),
      count: 1,
      line: 3,
    },
  ],
});

describe('scopes/workflow-level-write details', () => {
  it('grades a write every job needs low, not high', () => {
    const both =
      'on: push\npermissions:\n  contents: write\njobs:\n  release:\n    runs-on: x\n    steps:\n      - run: gh release create v1\n  tag:\n    runs-on: x\n    steps:\n      - run: git push origin v1\n';
    const [f] = runRule(rule, wf(both));
    expect(f!.severity).toBe('low');
    expect(f!.message).toMatch(/every job \(`release` and `tag`\) needs it today/);
    // one of the two does not: high as before
    const one = both.replace('git push origin v1', 'npm test');
    expect(runRule(rule, wf(one))[0]!.severity).toBe('high');
  });

  it('uses per-scope severities and names the job that needs the write', () => {
    const [contents, idToken] = runRule(rule, wf(twoJobs));
    expect(contents!.severity).toBe('high');
    expect(contents!.message).toMatch(/so 2 jobs \(`test` and `docs`\) can push commits/);
    expect(contents!.remediation).toMatch(/Move `contents: write` into the `permissions:` of job `docs` \(`git push` needs it\)/);
    expect(contents!.remediation).toMatch(/`contents: read` \(or `none`\) for `test`/);
    expect(idToken!.remediation).toMatch(/No step we recognise needs `id-token: write`/);
  });

  it('rates checks/statuses below contents, and raises everything on privileged triggers', () => {
    const multi = (trigger: string, scope: string) =>
      runRule(rule, wf(`on: ${trigger}\npermissions:\n  ${scope}: write\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n  b:\n    runs-on: x\n    steps: [{run: echo}]\n`))[0]!.severity;
    expect(multi('push', 'contents')).toBe('high');
    expect(multi('push', 'checks')).toBe('medium');
    expect(multi('push', 'statuses')).toBe('low');
    expect(multi('push', 'pull-requests')).toBe('high');
    expect(multi('workflow_run', 'contents')).toBe('critical');
  });

  it('lowers severity and confidence where the grant reaches one job', () => {
    const [f] = runRule(rule, wf('on: push\npermissions:\n  contents: write\njobs:\n  only:\n    runs-on: x\n    steps: [{run: echo}]\n'));
    expect(f!.severity).toBe('medium');
    expect(f!.confidence).toBe('medium');
  });
});
