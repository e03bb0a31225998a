import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/workflow-read-all.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { wf } from './helpers.js';

ruleTester(rule, {
  valid: [
    wf('on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo read-all}]\n'),
    wf('on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n'),
    { code: 'mode: read-all\n', path: 'settings.yml' },
  ],
  invalid: [
    { ...wf('on: push\nname: audit\npermissions: read-all\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n'), count: 1, line: 3 },
    {
      ...wf('on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    permissions: read-all\n    steps: [{run: echo}]\n  b:\n    runs-on: x\n    permissions: read-all\n    steps: [{run: echo}]\n'),
      count: 2,
      line: 6,
    },
  ],
});

describe('scopes/workflow-read-all', () => {
  it('is info by default (off under the default policy) and suggests explicit read scopes', () => {
    const [f] = runRule(rule, wf('on: push\npermissions: read-all\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n'));
    expect(f!.severity).toBe('info');
    expect(f!.remediation).toMatch(/job `a`: `permissions: \{ contents: read \}`/);
  });
});
