import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/workflow-unknown-permission.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { wf } from './helpers.js';

const job = 'jobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n';

ruleTester(rule, {
  valid: [
    wf(
      `on: push\npermissions:\n  actions: read\n  artifact-metadata: write\n  attestations: write\n  checks: none\n  code-quality: read\n  contents: read\n  deployments: write\n  discussions: read\n  id-token: write\n  issues: none\n  models: read\n  packages: read\n  pages: write\n  pull-requests: read\n  security-events: write\n  statuses: read\n${job}`,
    ),
    // Copilot CLI / agentic workflows billed to the organization (gh-aw lock files)
    wf(`on: push\njobs:\n  agent:\n    runs-on: x\n    permissions:\n      contents: read\n      copilot-requests: write\n    steps: [{run: echo}]\n`),
    wf(`on: push\npermissions:\n  copilot-requests: none\n${job}`),
    wf(`on: push\npermissions: read-all\n${job}`),
    wf(`on: push\npermissions: {}\n${job}`),
    wf(`on: push\npermissions:\n${job}`),
  ],
  invalid: [
    { ...wf(`on: push\npermissions:\n  contents: write\n  nonexistent: write\n${job}`), count: 1, line: 4 },
    { ...wf(`on: push\npermissions:\n  pull_request: write\n${job}`), count: 1, line: 3 },
    // a misspelt copilot-requests, and a level it does not take
    { ...wf(`on: push\npermissions:\n  copilot_request: write\n${job}`), count: 1, line: 3 },
    { ...wf(`on: push\npermissions:\n  copilot-requests: read\n${job}`), count: 1, line: 3 },
    { ...wf(`on: push\npermissions: write\n${job}`), count: 1, line: 2 },
    { ...wf(`on: push\npermissions:\n  id-token: read\n  models: write\n  contents: admin\n${job}`), count: 3, line: 3 },
    { ...wf(`on: push\npermissions:\n  contents: \${{ inputs.level }}\n${job}`), count: 1, line: 3 },
    { ...wf(`on: push\njobs:\n  a:\n    runs-on: x\n    permissions:\n      contnets: read\n    steps: [{run: echo}]\n`), count: 1, line: 6 },
    // retired scope: info
    { ...wf(`on: push\npermissions:\n  repository-projects: read\n${job}`), count: 1, line: 3 },
  ],
});

describe('scopes/workflow-unknown-permission', () => {
  it('suggests the scope meant by a typo', () => {
    const [f] = runRule(rule, wf(`on: push\npermissions:\n  pull_request: write\n${job}`));
    expect(f!.message).toMatch(/did you mean `pull-requests`/);
    expect(f!.severity).toBe('medium');
  });
  it('suggests copilot-requests for a misspelling of it', () => {
    const [f] = runRule(rule, wf(`on: push\npermissions:\n  copilot_request: write\n${job}`));
    expect(f!.message).toMatch(/did you mean `copilot-requests`/);
  });
  it('explains id-token: read', () => {
    const [f] = runRule(rule, wf(`on: push\npermissions:\n  id-token: read\n${job}`));
    expect(f!.message).toMatch(/only `write` and `none`/);
  });
});
