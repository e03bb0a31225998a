import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/workflow-level-write.js';
import { runRule, ruleTester, TODAY } from '../../../helpers/rule-tester.js';
import { scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
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

  it("grades a one-job workflow's grant low where its job writes with it or may, whatever the trigger", () => {
    const needs = 'on: pull_request_target\npermissions:\n  contents: write\njobs:\n  release:\n    runs-on: x\n    steps:\n      - run: gh release create v1\n';
    expect(runRule(rule, wf(needs))[0]!.severity).toBe('low');
    const unknownAction =
      'on: schedule\npermissions:\n  actions: write\n  issues: write\njobs:\n  stale:\n    runs-on: x\n    steps:\n      - uses: some-org/stale@v9\n        with:\n          repo-token: ${{ secrets.GITHUB_TOKEN }}\n';
    // issues: write in a one-job workflow on a trigger that is not privileged is not reported at all.
    expect(runRule(rule, wf(unknownAction)).map((f) => f.severity)).toEqual(['low']);
  });

  it('lowers severity and confidence where the grant reaches one job', () => {
    const [f] = runRule(rule, wf('on: push\npermissions:\n  contents: write\njobs:\n  only:\n    runs-on: x\n    steps: [{run: echo}]\n'));
    expect(f!.severity).toBe('medium');
    expect(f!.confidence).toBe('medium');
  });
});

describe('scopes/workflow-level-write: reusable-workflow calls', () => {
  const scan = (files: Record<string, string>) => {
    const policy = basePolicy();
    policy.families = { secrets: 'off', scopes: 'warn', rotation: 'off' };
    policy.rules[rule.meta.id] = { level: 'warn' };
    return scanFiles(
      Object.entries(files).map(([path, text]) => ({ path, text })),
      { policy, rules: [rule], today: TODAY },
    ).findings;
  };
  const caller = y`
    on: push
    permissions:
      contents: read
      checks: write
      pull-requests: write
    jobs:
      unit:
        uses: ./.github/workflows/unit.yml
      lint:
        uses: ./.github/workflows/lint.yml
      report:
        runs-on: x
        steps: [{run: make report}]
  `;
  const readOnly = 'on:\n  workflow_call:\npermissions:\n  contents: read\njobs:\n  t:\n    runs-on: x\n    steps: [{run: make test}]\n';
  const perJob = 'on:\n  workflow_call:\njobs:\n  t:\n    runs-on: x\n    permissions:\n      contents: read\n    steps: [{run: make lint}]\n';
  const inherits = 'on:\n  workflow_call:\njobs:\n  t:\n    runs-on: x\n    steps: [{run: make lint}]\n';

  it('does not count a call whose workflow narrows the scope (top level or in every job)', () => {
    const found = scan({ '.github/workflows/ci.yml': caller, '.github/workflows/unit.yml': readOnly, '.github/workflows/lint.yml': perJob });
    expect(found.map((f) => f.startLine)).toEqual([4, 5]);
    for (const f of found) {
      expect(f.message).toMatch(/\(jobs `unit` and `lint` call workflows that keep it below `write`\), so job `report` can /);
      expect(f.message).not.toMatch(/may/);
    }
  });

  it('reads a call in the self-repository form (`$/.github/workflows/x.yml`) like `./`', () => {
    const self = caller.replace(/\.\/\.github/g, '$/.github');
    const found = scan({ '.github/workflows/ci.yml': self, '.github/workflows/unit.yml': readOnly, '.github/workflows/lint.yml': perJob });
    expect(found.map((f) => f.startLine)).toEqual([4, 5]);
    expect(found[0]!.message).toMatch(/\(jobs `unit` and `lint` call workflows that keep it below `write`\), so job `report` can /);
  });

  it('gives the same answer whatever order the files come in', () => {
    const a = scan({ '.github/workflows/lint.yml': perJob, '.github/workflows/unit.yml': readOnly, '.github/workflows/ci.yml': caller });
    const b = scan({ '.github/workflows/ci.yml': caller, '.github/workflows/unit.yml': readOnly, '.github/workflows/lint.yml': perJob });
    expect(a.map((f) => f.message)).toEqual(b.map((f) => f.message));
  });

  it('counts a call whose workflow lets a job inherit the grant, and one that writes with it as a need', () => {
    const found = scan({ '.github/workflows/ci.yml': caller, '.github/workflows/unit.yml': readOnly, '.github/workflows/lint.yml': inherits });
    expect(found[0]!.message).toMatch(/\(job `unit` calls a workflow that keeps it below `write`\), so 2 jobs \(`lint` and `report`\) can create and complete check runs/);
    const pushes = 'on:\n  workflow_call:\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: git push origin HEAD\n';
    const release = y`
      on: push
      permissions:
        contents: write
      jobs:
        tag:
          uses: ./.github/workflows/tag.yml
        test:
          runs-on: x
          steps: [{run: make test}]
    `;
    const [f] = scan({ '.github/workflows/release.yml': release, '.github/workflows/tag.yml': pushes });
    expect(f!.remediation).toMatch(/Move `contents: write` into the `permissions:` of job `tag` \(`git push` needs it\)/);
  });

  it('follows a called workflow that calls another', () => {
    const middle = 'on:\n  workflow_call:\njobs:\n  inner:\n    uses: ./.github/workflows/unit.yml\n';
    const found = scan({ '.github/workflows/ci.yml': caller, '.github/workflows/unit.yml': readOnly, '.github/workflows/lint.yml': middle });
    expect(found[0]!.message).toMatch(/jobs `unit` and `lint` call workflows that keep it below `write`/);
  });

  it('keeps a supply-chain write no job gets today, as dormant; drops other scopes', () => {
    const allCalls = 'on: push\npermissions:\n  contents: write\n  pull-requests: write\njobs:\n  unit:\n    uses: ./.github/workflows/unit.yml\n  lint:\n    uses: ./.github/workflows/lint.yml\n';
    const found = scan({ '.github/workflows/ci.yml': allCalls, '.github/workflows/unit.yml': readOnly, '.github/workflows/lint.yml': perJob });
    expect(found.map((f) => `${f.startLine} ${f.severity}`)).toEqual(['3 medium']);
    expect(found[0]!.message).toMatch(/no job gets it today \(jobs `unit` and `lint` call workflows that keep it below `write`\), but any job added later/);
  });

  it('says "may" for a call whose workflow is not in the scan (or in another repository)', () => {
    const remote = caller.replace('./.github/workflows/lint.yml', 'octo/shared/.github/workflows/lint.yml@v1');
    const [f] = scan({ '.github/workflows/ci.yml': remote, '.github/workflows/unit.yml': readOnly });
    expect(f!.message).toMatch(
      /so job `report` can create and complete check runs \(fake a passing check\); the workflow job `lint` calls \(in another repository\) may get it too, unless its own `permissions:` narrow it\.$/,
    );
    const [g] = scan({ '.github/workflows/ci.yml': caller });
    expect(g!.message).toMatch(/so job `report` can .*; the workflows jobs `unit` and `lint` call \(not in this scan\) may get it too/);
    // no job certain to get it: only the called workflows may
    const onlyCalls = 'on: push\npermissions:\n  contents: write\njobs:\n  unit:\n    uses: ./.github/workflows/unit.yml\n  lint:\n    uses: ./.github/workflows/lint.yml\n';
    const [h] = scan({ '.github/workflows/ci.yml': onlyCalls, '.github/workflows/unit.yml': readOnly });
    expect(h!.message).toMatch(
      /\(job `unit` calls a workflow that keeps it below `write`\): the workflow job `lint` calls \(not in this scan\) may get it, unless its own `permissions:` narrow it, and any job added later will/,
    );
  });
});

describe('scopes/workflow-level-write: local actions', () => {
  it("does not tell a workflow whose jobs run this repository's own action to drop the scope", () => {
    const job = (id: string) => `  ${id}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./\n        with:\n          client-id: x\n`;
    const [f] = runRule(rule, { code: `on: push\npermissions:\n  id-token: write\n  contents: read\njobs:\n${job('a')}${job('b')}`, path: '.github/workflows/test.yml' });
    expect(f!.remediation).not.toMatch(/No step we recognise needs/);
    expect(f!.remediation).toMatch(/Check whether/);
  });
});

describe('scopes/workflow-level-write: bots the catalogue does not know', () => {
  const wf2 = (uses: string) =>
    `on: [issues, pull_request]\npermissions:\n  issues: write\n  pull-requests: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n`;
  it('does not claim that no step needs the scope where an unknown bot or commenter runs (its token is a default input)', () => {
    for (const uses of ['github/accessibility-alt-text-bot@v1', 'acme/pr-size-labeler@v2', 'someone/welcome-new-contributors@v1']) {
      for (const f of runRule(rule, { code: wf2(uses), path: '.github/workflows/a11y.yml' })) expect(f.remediation, uses).not.toMatch(/No step we recognise needs/);
    }
  });
  it('still says so for a build tool', () => {
    const [f] = runRule(rule, { code: wf2('golangci/golangci-lint-action@v6'), path: '.github/workflows/lint.yml' });
    expect(f!.remediation).toMatch(/No step we recognise needs/);
  });
});

describe('scopes/workflow-level-write: publishing jobs', () => {
  it("knows that npm's trusted publishing takes the OIDC token and lerna pushes its tags (trpc's release)", () => {
    const job = (id: string, cmd: string) => `  ${id}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${cmd}\n`;
    const code = `on: workflow_dispatch\npermissions:\n  contents: write\n  id-token: write\njobs:\n${job('publish', 'pnpm lerna publish patch --yes')}${job('publish-canary', 'pnpm lerna publish --canary --yes')}`;
    const found = runRule(rule, { code, path: '.github/workflows/release-manual.yml' });
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.severity).toBe('low');
      expect(f.remediation).not.toMatch(/No step we recognise needs/);
    }
  });
});

describe('scopes/workflow-level-write: a one-job workflow', () => {
  const chatops = 'on: issue_comment\npermissions:\n  contents: write\n  id-token: write\njobs:\n  chatops:\n    uses: cloudposse/.github/.github/workflows/shared-chatops.yml@main\n';
  it('is low where the one job calls a reusable workflow, even on a privileged trigger (the call gets at most what the job has)', () => {
    expect(runRule(rule, { code: chatops, path: '.github/workflows/chatops.yml' }).map((f) => f.severity)).toEqual(['low']);
  });
  it('reports the writes its one job may use once, with one move as the fix', () => {
    const [f, ...rest] = runRule(rule, { code: chatops, path: '.github/workflows/chatops.yml' });
    expect(rest).toEqual([]);
    expect(f!.message).toMatch(/`contents: write` and `id-token: write` are granted/);
    expect(f!.remediation).toMatch(/into job `chatops`/);
  });
});
