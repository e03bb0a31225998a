import rule from '../../../../src/engine/rules/scopes/workflow-write-all.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { describe, expect, it } from 'vitest';
import { wf, y } from './helpers.js';

const topLevel = y`
  on: push
  name: release
  permissions: write-all
  jobs:
    build:
      runs-on: ubuntu-latest
      steps:
        - uses: actions/checkout@v4
    publish:
      runs-on: ubuntu-latest
      steps:
        - uses: softprops/action-gh-release@v2
`;

ruleTester(rule, {
  valid: [
    // only what GitHub runs: a workflow-shaped file elsewhere is a fixture, a template or another tool's config
    { code: 'on: workflow_dispatch\npermissions: write-all\njobs:\n  x:\n    runs-on: y\n    steps: [{run: echo}]\n', path: 'templates/ci.yaml' },
    { code: 'on: workflow_dispatch\npermissions: write-all\njobs:\n  x:\n    runs-on: y\n    steps: [{run: echo}]\n', path: 'tests/fixtures/workflows/ci.yml' },
    // GitHub does not read sub-folders of .github/workflows
    { code: 'on: workflow_dispatch\npermissions: write-all\njobs:\n  x:\n    runs-on: y\n    steps: [{run: echo}]\n', path: '.github/workflows/old/ci.yml' },
    wf(y`
      on: push
      permissions: read-all
      jobs:
        a:
          runs-on: ubuntu-latest
          steps: [{ run: echo }]
    `),
    wf(y`
      on: push
      permissions:
        contents: write
      jobs:
        a:
          runs-on: ubuntu-latest
          permissions: {}
          steps: [{ run: echo write-all }]
    `),
    // not a workflow: a YAML file elsewhere without on/jobs
    { code: 'permissions: write-all\n', path: 'config/app.yml' },
    // malformed workflow: not our finding
    wf('on: push\npermissions: write-all\njobs: [\n'),
    // a peer's triage is honoured
    wf('on: push\npermissions: write-all # zizmor: ignore[excessive-permissions]\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n'),
  ],
  invalid: [
    { ...wf(topLevel), count: 1, line: 3 },
    {
      ...wf(y`
        on: [push]
        permissions: {}
        jobs:
          ok:
            runs-on: ubuntu-latest
            permissions: read-all
            steps: [{ run: echo }]
          bad:
            runs-on: ubuntu-latest
            permissions: write-all
            steps: [{ run: echo }]
      `),
      count: 1,
      line: 10,
    },
    // .yaml, any case
    { code: topLevel, path: '.github/workflows/release.YAML', count: 1 },
  ],
});

describe('scopes/workflow-write-all details', () => {
  it('is critical on pull_request_target and names the jobs’ minimal permissions', () => {
    const [f] = runRule(rule, wf(topLevel.replace('on: push', 'on: pull_request_target')));
    expect(f!.severity).toBe('critical');
    expect(f!.remediation).toMatch(/job `build`: `permissions: \{ contents: read \}`/);
    expect(f!.remediation).toMatch(/job `publish`: `permissions: \{ contents: write \}` \(contents: write for softprops\/action-gh-release\)/);
    expect(f!.controls).toEqual(expect.arrayContaining(['NIST-800-53-AC-6', 'PCI-DSS-7.2.2', 'SOC2-CC6.1', 'OpenSSF-Scorecard-Token-Permissions']));
  });

  it('keeps a stable fingerprint when lines move', () => {
    const a = runRule(rule, wf(topLevel))[0]!;
    const b = runRule(rule, wf('# moved\n\n' + topLevel))[0]!;
    expect(b.startLine).toBe(a.startLine + 2);
    expect(b.fingerprint).toBe(a.fingerprint);
  });
});

describe('scopes/workflow-write-all where every job sets its own permissions', () => {
  it('still reports the workflow-level grant, at a lower severity', () => {
    const found = runRule(rule, wf('on: pull_request_target\npermissions: write-all\njobs:\n  hackme:\n    runs-on: x\n    permissions: write-all\n    steps: [{run: echo}]\n'));
    expect(found.map((f) => [f.startLine, f.severity])).toEqual([
      [2, 'high'],
      [6, 'critical'],
    ]);
    expect(found[0]!.message).toMatch(/reaches no job today/);
  });
});

describe('scopes/workflow-write-all with YAML anchors', () => {
  it('follows aliases to the grant', () => {
    const code = 'on: push\npermissions: &all write-all\njobs:\n  a:\n    runs-on: x\n    permissions: *all\n    steps: [{run: echo}]\n  b:\n    runs-on: x\n    steps: [{run: echo}]\n';
    expect(runRule(rule, wf(code)).map((f) => f.startLine)).toEqual([2, 6]);
  });
});
