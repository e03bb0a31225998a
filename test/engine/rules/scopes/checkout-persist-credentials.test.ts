import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/checkout-persist-credentials.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { wf } from './helpers.js';

const job = (steps: string, on = 'push', perms = 'permissions: {}\n') => `on: ${on}\n${perms}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    wf(job('      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n')),
    wf(job('      - uses: actions/checkout@v4\n        with:\n          persist-credentials: "false"\n')),
    // an explicit `true` (or expression) states intent outside privileged workflows
    wf(job('      - uses: actions/checkout@v4\n        with:\n          persist-credentials: true\n')),
    wf(job("      - uses: actions/checkout@v6\n        with:\n          persist-credentials: ${{ github.event_name == 'pull_request' }}\n")),
    // computed inputs
    wf(job('      - uses: actions/checkout@v4\n        with: ${{ fromJSON(steps.s.outputs.o) }}\n')),
    wf(job('      - uses: actions/setup-node@v4\n')),
  ],
  invalid: [
    { ...wf(job('      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n')), count: 1, line: 7 },
    { ...wf(job('      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v4\n        with:\n          name: all\n          path: .\n')), count: 1, line: 7 },
    { ...wf(job('      - uses: actions/checkout@v4\n        with:\n          persist-credentials: true\n', 'pull_request_target')), count: 1, line: 7 },
    { code: 'name: a\nruns:\n  using: composite\n  steps:\n    - name: co\n      uses: actions/checkout@v4\n', path: 'action.yml', count: 1, line: 6 },
  ],
});

describe('scopes/checkout-persist-credentials severity', () => {
  it('does not suggest a fix that breaks a job that pushes later', () => {
    const pushes = '      - uses: actions/checkout@v4\n      - run: ./bump-version.sh\n      - run: |\n          git commit -am "bump"\n          git push origin HEAD\n';
    const [f] = runRule(rule, wf(job(pushes, 'push', 'permissions:\n  contents: write\n')));
    expect(f!.severity).toBe('low');
    expect(f!.remediation).toMatch(/alone would break it/);
    expect(f!.remediation).toMatch(/x-access-token/);
    const action = '      - uses: actions/checkout@v4\n      - uses: stefanzweifel/git-auto-commit-action@v5\n';
    expect(runRule(rule, wf(job(action, 'push', 'permissions:\n  contents: write\n')))[0]!.remediation).toMatch(/git-auto-commit-action/);
    // a push that brings its own credentials does not need the persisted ones
    const own = '      - uses: actions/checkout@v4\n      - run: git push https://x-access-token:${GH_TOKEN}@github.com/o/r HEAD\n';
    const [g] = runRule(rule, wf(job(own, 'push', 'permissions:\n  contents: write\n')));
    expect(g!.severity).toBe('medium');
    expect(g!.remediation).not.toMatch(/would break it/);
    // a push in another job is not this job's
    const other = 'on: push\npermissions:\n  contents: write\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n  b:\n    runs-on: x\n    steps:\n      - run: git push\n';
    expect(runRule(rule, wf(other))[0]!.remediation).not.toMatch(/would break it/);
  });

  it('is high when the workspace is uploaded after the checkout, lower on checkout v6+ or with a read-only token', () => {
    const upload = '      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v4\n        with:\n          path: ${{ github.workspace }}\n';
    expect(runRule(rule, wf(job('      - uses: actions/checkout@v4\n', 'push', '')))[0]).toMatchObject({ severity: 'medium', confidence: 'low' });
    expect(runRule(rule, wf(job(upload, 'push', '')))[0]).toMatchObject({ severity: 'high', confidence: 'high' });
    expect(runRule(rule, wf(job(upload)))[0]).toMatchObject({ severity: 'medium', confidence: 'high' });
    expect(runRule(rule, wf(job('      - uses: actions/checkout@v4\n')))[0]!.severity).toBe('low');
    expect(runRule(rule, wf(job('      - uses: actions/checkout@v6\n', 'push', '')))[0]!.severity).toBe('low');
  });
});

describe('scopes/checkout-persist-credentials: one finding per workflow for jobs that cannot write', () => {
  const job = (id: string, perms: string, extra = '') => `  ${id}:\n    runs-on: x\n${perms}    steps:\n      - uses: actions/checkout@v4\n      - run: make ${id}\n${extra}`;
  const READ = '    permissions:\n      contents: read\n';
  const WRITE = '    permissions:\n      contents: write\n';

  it('lists the checkouts of read-only jobs in one finding', () => {
    const found = runRule(rule, wf(`on: push\njobs:\n${job('lint', READ)}${job('test', READ)}`));
    expect(found).toHaveLength(1);
    expect(found[0]!.startLine).toBe(8);
    expect(found[0]!.severity).toBe('low');
    expect(found[0]!.message).toMatch(
      /^2 checkouts keep the job’s token in the working copy \(no `persist-credentials: false`\), at lines 8, 15 \(jobs `lint`, `test`\): every later step of those jobs can read it, a token that can only read\.$/,
    );
  });

  it('keeps a finding per checkout where the job can write or uploads the workspace', () => {
    const upload = '      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n';
    const found = runRule(rule, wf(`on: push\njobs:\n${job('lint', READ)}${job('test', READ)}${job('release', WRITE)}${job('pack', READ, upload)}`));
    expect(found.map((f) => f.startLine)).toEqual([8, 22, 29]);
    expect(found[0]!.message).toMatch(/^2 checkouts/);
    expect(found[2]!.confidence).toBe('high');
  });

  it('names jobs without permissions (the repository default) and takes the highest severity', () => {
    const found = runRule(rule, wf(`on: push\njobs:\n${job('lint', READ)}${job('build', '')}`));
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('medium');
    expect(found[0]!.message).toMatch(/\(`build` sets no `permissions:`, so its token has the repository’s default rights\)\.$/);
  });
});
