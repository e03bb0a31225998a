import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/workflow-disallowed-write.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const release = y`
  on: push
  permissions:
    contents: read
  jobs:
    build:
      runs-on: ubuntu-latest
      steps: [{ run: make }]
    publish:
      runs-on: ubuntu-latest
      permissions:
        contents: write
        id-token: write
      steps: [{ run: make publish }]
`;

const allow = [{ workflow: 'release.yml', job: 'publish', permissions: { contents: 'write', 'id-token': 'write' } }];
const at = (path: string, code: string, options: Record<string, unknown> = { allow }) => ({ code, path, options });

ruleTester(rule, {
  valid: [
    at('.github/workflows/release.yml', release),
    // no allow-list configured: the rule is inactive
    { code: release, path: '.github/workflows/other.yml' },
    // a list form and a glob
    at('.github/workflows/release.yml', release, { allow: [{ workflow: 'release.y*ml', permissions: ['contents', 'id-token'] }] }),
    // write-all allowed
    at('.github/workflows/ops.yml', 'on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n', { allow: [{ workflow: 'ops.yml', permissions: 'write-all' }] }),
  ],
  invalid: [
    // the same workflow under another name is not allowed
    { ...at('.github/workflows/ci.yml', release), count: 2, line: 11 },
    // allowed for one job only
    { ...at('.github/workflows/release.yml', release.replace('publish:', 'deploy:')), count: 2, line: 11 },
    // an empty allow-list forbids every write
    { ...at('.github/workflows/release.yml', release, { allow: [] }), count: 2 },
    // workflow-level grants are judged for the jobs that inherit them
    {
      ...at(
        '.github/workflows/release.yml',
        'on: push\npermissions:\n  contents: write\njobs:\n  build:\n    runs-on: x\n    steps: [{run: make}]\n  publish:\n    runs-on: x\n    steps: [{run: make}]\n',
      ),
      count: 1,
      line: 3,
    },
    // write-all: one finding for the scopes that are not allowed
    { ...at('.github/workflows/release.yml', 'on: push\njobs:\n  publish:\n    runs-on: x\n    permissions: write-all\n    steps: [{run: make}]\n'), count: 1, line: 5 },
  ],
});

describe('scopes/workflow-disallowed-write', () => {
  it('names the inheriting jobs and the allow entry that would permit the grant', () => {
    const [f] = runRule(
      rule,
      at(
        '.github/workflows/release.yml',
        'on: push\npermissions:\n  contents: write\njobs:\n  build:\n    runs-on: x\n    steps: [{run: make}]\n  publish:\n    runs-on: x\n    steps: [{run: make}]\n',
      ),
    );
    expect(f!.message).toMatch(/inherited by `build`/);
    expect(f!.message).not.toMatch(/`publish`/);
    expect(f!.remediation).toMatch(/\{ workflow: "release.yml", job: "build", permissions: \{ contents: write \} \}/);
  });
});
