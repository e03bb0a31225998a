import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/privileged-checkout.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { wf, y } from './helpers.js';

const prt = (on: string, withBlock: string, perms = '') => y`
  name: pr
  on: ${on}
  ${perms}
  jobs:
    quality:
      runs-on: ubuntu-latest
      steps:
        - uses: actions/checkout@v4
          with:
${withBlock}
        - run: make test
`;

ruleTester(rule, {
  valid: [
    // the base is safe
    wf(prt('pull_request_target', '            ref: ${{ github.event.pull_request.base.sha }}')),
    // pull_request runs without secrets and with a read-only token for forks
    wf(prt('pull_request', '            ref: ${{ github.event.pull_request.head.sha }}')),
    wf(prt('push', '            ref: ${{ github.head_ref }}')),
    // default checkout on pull_request_target checks out the base
    wf(prt('pull_request_target', '            fetch-depth: 0')),
    wf(prt('pull_request_target', '            ref: main')),
  ],
  invalid: [
    { ...wf(prt('pull_request_target', '            ref: ${{ github.event.pull_request.head.sha }}')), count: 1, line: 10 },
    { ...wf(prt('[pull_request_target, push]', '            ref: ${{ github.event.pull_request.head.ref }}')), count: 1, line: 10 },
    { ...wf(prt('pull_request_target', '            ref: ${{ github.head_ref }}')), count: 1, line: 10 },
    {
      ...wf(
        'on:\n  pull_request_target:\n    types: [opened, synchronize]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: refs/pull/${{ github.event.pull_request.number }}/merge\n',
      ),
      count: 1,
      line: 10,
    },
    { ...wf(prt('workflow_run', '            ref: ${{ github.event.workflow_run.head_sha }}')), count: 1, line: 10 },
    {
      ...wf(
        'on:\n  workflow_run:\n    workflows: [build]\njobs:\n  b:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.workflow_run }}\n',
      ),
      count: 1,
      line: 10,
    },
    { ...wf(prt('issue_comment', '            ref: refs/pull/${{ github.event.issue.number }}/head')), count: 1, line: 10 },
    // the fork repository itself
    { ...wf(prt('pull_request_target', '            repository: ${{ github.event.pull_request.head.repo.full_name }}')), count: 1, line: 10 },
    // checking out in a shell step
    { ...wf('on: issue_comment\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: gh pr checkout ${{ github.event.issue.number }}\n'), count: 1, line: 6 },
  ],
});

describe('scopes/privileged-checkout severity', () => {
  it('is critical with a write token and high with a read-only one', () => {
    const head = '            ref: ${{ github.event.pull_request.head.sha }}';
    expect(runRule(rule, wf(prt('pull_request_target', head)))[0]!.severity).toBe('critical');
    expect(runRule(rule, wf(prt('pull_request_target', head, 'permissions:\n  contents: read')))[0]!.severity).toBe('high');
  });
});

describe('scopes/privileged-checkout: a same-repository guard', () => {
  const wfWith = (cond: string, where: 'job' | 'step' = 'job') =>
    `on: pull_request_target\npermissions:\n  contents: write\njobs:\n  tidy:\n    runs-on: ubuntu-latest\n${where === 'job' ? `    if: ${cond}\n` : ''}    steps:\n      - uses: actions/checkout@v4\n${where === 'step' ? `        if: ${cond}\n` : ''}        with:\n          ref: \${{ github.event.pull_request.head.sha }}\n      - run: go mod tidy\n`;
  it('is low where the job or step runs only for pull requests from this repository', () => {
    for (const [cond, where] of [
      ["github.event.pull_request.user.login == 'renovate[bot]' && github.event.pull_request.head.repo.full_name == github.repository", 'job'],
      ['github.event.pull_request.head.repo.fork == false', 'step'],
    ] as const) {
      const [f] = runRule(rule, { code: wfWith(cond, where), path: '.github/workflows/tidy.yml' });
      expect(f!.severity, cond).toBe('low');
      expect(f!.message).toMatch(/only pull requests from this repository/);
    }
  });
  it('stays critical where the guard has another way in, or is missing', () => {
    const either = "github.event.pull_request.head.repo.full_name == github.repository || contains(github.event.pull_request.labels.*.name, 'safe')";
    expect(runRule(rule, { code: wfWith(either), path: '.github/workflows/tidy.yml' })[0]!.severity).toBe('critical');
    expect(runRule(rule, { code: wfWith("github.actor == 'renovate[bot]'"), path: '.github/workflows/tidy.yml' })[0]!.severity).toBe('critical');
  });
});

describe('scopes/privileged-checkout: code that is fetched to be read, not run', () => {
  const job = (steps: string) => `on: pull_request_target\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
  const headCheckout = '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n          fetch-depth: 0\n';
  const sev = (code: string) => runRule(rule, { code, path: '.github/workflows/review.yml' }).map((f) => f.severity);
  it('is medium where later steps only read it (git, gh, text tools, comment and artifact actions)', () => {
    expect(
      sev(
        job(
          `${headCheckout}      - run: |\n          CHANGED=$(git diff --name-only origin/main...HEAD | grep '\\.md$' | wc -l)\n          echo "changed=$CHANGED" >> "$GITHUB_OUTPUT"\n      - uses: actions/upload-artifact@v4\n        with:\n          path: docs/\n`,
        ),
      ),
    ).toEqual(['medium']);
    expect(
      sev(
        job(
          `      - run: |\n          git fetch origin pull/\${{ github.event.pull_request.number }}/head:pr\n          git diff --stat main...pr > diff.txt\n      - uses: marocchino/sticky-pull-request-comment@v2\n        with:\n          path: diff.txt\n`,
        ),
      ),
    ).toEqual(['medium']);
    expect(
      sev(
        job(
          `${headCheckout}      - uses: actions/github-script@v7\n        with:\n          script: |\n            const files = await github.rest.pulls.listFiles({ ...context.repo, pull_number: context.issue.number });\n`,
        ),
      ),
    ).toEqual(['medium']);
  });
  it('stays critical where a later step runs a build, a script, a package manager or an unknown action', () => {
    for (const later of [
      '      - run: npm ci && npm test\n',
      '      - run: |\n          git diff --name-only HEAD~1\n          ./scripts/check.sh\n',
      '      - run: find . -name "*.sh" -exec bash {} \\;\n',
      '      - run: git ls-files | xargs python lint.py\n',
      '      - uses: ./.github/actions/build\n',
      '      - uses: docker/build-push-action@v6\n',
      "      - uses: actions/github-script@v7\n        with:\n          script: require('./scripts/label.js')(github)\n",
    ]) {
      expect(sev(job(`${headCheckout}${later}`)), later).toEqual(['critical']);
    }
    // the fetch and the run on one line
    expect(sev(job('      - run: git fetch origin pull/1/head:pr && git checkout pr && make\n'))).toEqual(['critical']);
  });
});

describe('scopes/privileged-checkout: the head handed on in a job output', () => {
  const code = (outputsBlock: string, parseRun: string) =>
    `on: issue_comment\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    outputs:\n${outputsBlock}\n    steps:\n      - id: parser\n        run: |\n${parseRun}\n  e2e:\n    needs: triage\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: \${{ needs.triage.outputs.commit_sha }}\n      - run: make e2e\n`;
  const found = (c: string) => runRule(rule, { code: c, path: '.github/workflows/e2e.yml' }).map((f) => `${f.startLine}:${f.severity}`);
  it('flags a later job that checks out an output a pull request checkout produced', () => {
    const run = '          gh pr checkout ${{ github.event.issue.number }}\n          echo "commit_sha=$(git rev-parse HEAD)" >> "$GITHUB_OUTPUT"';
    expect(found(code('      commit_sha: ${{ steps.parser.outputs.commit_sha }}', run))).toEqual(['9:medium', '18:critical']);
    expect(found(code('      commit_sha: ${{ github.event.pull_request.head.sha }}', '          echo ok'))).toEqual(['17:critical']);
  });
  it('leaves an output that does not come from the pull request', () => {
    expect(found(code('      commit_sha: ${{ steps.parser.outputs.commit_sha }}', '          echo "commit_sha=$(git rev-parse origin/main)" >> "$GITHUB_OUTPUT"'))).toEqual([]);
  });
});

describe('scopes/privileged-checkout: the head read through the API in an earlier step', () => {
  const code = (output: string) =>
    `on:\n  issue_comment:\n    types: [created]\npermissions:\n  contents: read\n  pull-requests: write\njobs:\n  loadtest:\n    if: github.event.issue.pull_request && contains(github.event.comment.body, '/loadtest')\n    runs-on: ubuntu-latest\n    steps:\n      - id: pr\n        uses: actions/github-script@v7\n        with:\n          script: |\n            const pr = await github.rest.pulls.get({ ...context.repo, pull_number: context.issue.number });\n            core.setOutput('head_sha', pr.data.head.sha);\n            core.setOutput('base_sha', pr.data.base.sha);\n      - uses: actions/checkout@v4\n        with:\n          ref: \${{ steps.pr.outputs.${output} }}\n      - run: make build\n`;
  it("flags a checkout of the head sha a github-script step set as its output (stakater/Reloader's /loadtest)", () => {
    const found = runRule(rule, { code: code('head_sha'), path: '.github/workflows/loadtest.yml' });
    expect(found.map((f) => f.severity)).toEqual(['critical']);
  });
  it('leaves the base sha the same step set', () => {
    expect(runRule(rule, { code: code('base_sha'), path: '.github/workflows/loadtest.yml' })).toEqual([]);
  });
});
