/**
 * The workflow model is the one reader of workflows: the scope rules and the token inventory's secret
 * references get the same answer for the same text (which file is a workflow, its jobs, their
 * environments, reusable-only workflows, anchors and merge keys).
 */
import { describe, expect, it } from 'vitest';
import { isReusableOnly, isWorkflowPath, loadWorkflow } from '../../../src/engine/model/workflow.js';
import { isWorkflowPath as rulesIsWorkflowPath, loadWorkflow as rulesLoadWorkflow } from '../../../src/engine/rules/scopes/lib/workflow.js';
import { isWorkflowFile, referencedSecrets } from '../../../src/engine/inventory/index.js';
import secretsWithoutEnvironment from '../../../src/engine/rules/scopes/workflow-secrets-without-environment.js';
import secretsInherit from '../../../src/engine/rules/scopes/workflow-secrets-inherit.js';
import { runRule } from '../../helpers/rule-tester.js';
import { y } from '../rules/scopes/helpers.js';

const PATH = '.github/workflows/deploy.yml';

const environments = y`
  on: push
  x-defaults: &deploy
    runs-on: ubuntu-latest
    environment:
      name: prod
      url: https://example.com
  jobs:
    mapping:
      environment: { name: prod }
      runs-on: ubuntu-latest
      steps:
        - run: echo \${{ secrets.MAPPING }}
    string:
      environment: staging
      runs-on: ubuntu-latest
      steps:
        - run: echo \${{ secrets.STRING }}
    nameless:
      environment: { url: https://example.com }
      runs-on: ubuntu-latest
      steps:
        - run: echo \${{ secrets.NAMELESS }}
    empty:
      environment:
      runs-on: ubuntu-latest
      steps:
        - run: echo \${{ secrets.EMPTY }}
    merged:
      <<: *deploy
      steps:
        - run: echo \${{ secrets.MERGED }}
    none:
      runs-on: ubuntu-latest
      steps:
        - run: echo \${{ secrets.NONE }}
`;

/** Job id → environment name, as the model reads it. */
function modelEnvironments(text: string, path = PATH): Map<string, string | undefined> {
  const wf = loadWorkflow({ path, text });
  return new Map((wf?.jobs ?? []).map((j) => [j.id, j.environment?.name]));
}

/** Job id → environment, as the secret references give it (one entry per job that uses a secret). */
function referenceEnvironments(text: string, path = PATH): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const refs of referencedSecrets([{ path, text }]).byName.values()) for (const r of refs) if (r.job !== undefined) out.set(r.job, r.environment);
  return out;
}

describe('workflow model shared by the rules and the token inventory', () => {
  it('one definition of a workflow file', () => {
    for (const p of [PATH, '.github/workflows/a.yaml', 'sub/.github/workflows/x.yml', '.github/workflows/nested/x.yml', 'ci/.github/workflow/x.yml', 'action.yml', '.github/workflows/x.json']) {
      expect(isWorkflowFile(p), p).toBe(isWorkflowPath(p));
      expect(rulesIsWorkflowPath(p), p).toBe(isWorkflowPath(p));
    }
    expect(rulesLoadWorkflow).toBe(loadWorkflow);
  });

  it('jobs and their environments: string and mapping forms, no name, empty, merge keys', () => {
    const model = modelEnvironments(environments);
    expect([...model]).toEqual([
      ['mapping', 'prod'],
      ['string', 'staging'],
      ['nameless', undefined],
      ['empty', undefined],
      ['merged', 'prod'],
      ['none', undefined],
    ]);
    expect([...referenceEnvironments(environments)]).toEqual([...model]);
    // The model tells a nameless environment (still a gate) from none; the rule reads the same field.
    const wf = loadWorkflow({ path: PATH, text: environments })!;
    expect(wf.jobs.filter((j) => j.environment).map((j) => j.id)).toEqual(['mapping', 'string', 'nameless', 'merged']);
    const flagged = runRule(secretsWithoutEnvironment, { code: environments, path: PATH }).map((f) => /Job `(\w+)`/.exec(f.message)?.[1]);
    expect(flagged).toEqual(['empty', 'none']);
  });

  it('anchors: an aliased value is read where the anchor is written, by both', () => {
    const withAlias = y`
      on: push
      jobs:
        a:
          environment: prod
          runs-on: ubuntu-latest
          env: &env
            TOKEN: \${{ secrets.SHARED }}
          steps: [{ run: echo }]
        b:
          environment: staging
          env: *env
          runs-on: ubuntu-latest
          steps: [{ run: echo }]
    `;
    expect([...modelEnvironments(withAlias)]).toEqual([
      ['a', 'prod'],
      ['b', 'staging'],
    ]);
    const refs = referencedSecrets([{ path: PATH, text: withAlias }]).byName.get('SHARED')!;
    expect(refs.map((r) => [r.job, r.environment, r.line])).toEqual([['a', 'prod', 7]]);
  });

  it('reusable-only workflows: declared secrets are the caller’s inputs; a caller with `secrets: inherit` makes them used', () => {
    const callee = {
      path: '.github/workflows/reusable.yml',
      text: y`
        on:
          workflow_call:
            secrets:
              DEPLOY_KEY:
                required: true
        jobs:
          deploy:
            runs-on: ubuntu-latest
            steps:
              - run: echo \${{ secrets.DEPLOY_KEY }} \${{ secrets.OTHER }}
      `,
    };
    const wf = loadWorkflow(callee)!;
    expect(isReusableOnly(wf)).toBe(true);
    expect(wf.callSecrets).toEqual(['DEPLOY_KEY']);
    expect([...referencedSecrets([callee]).byName.keys()]).toEqual(['OTHER']);
    // Also a reusable workflow with a second trigger is not reusable-only, for both.
    const both = { ...callee, text: callee.text.replace('on:\n', 'on:\n  workflow_dispatch:\n') };
    expect(isReusableOnly(loadWorkflow(both)!)).toBe(false);
    expect([...referencedSecrets([both]).byName.keys()]).toEqual(['DEPLOY_KEY', 'OTHER']);

    const caller = {
      path: '.github/workflows/ci.yml',
      text: y`
        on: push
        jobs:
          call:
            uses: ./.github/workflows/reusable.yml
            secrets: inherit
          remote:
            uses: org/repo/.github/workflows/x.yml@v1
            secrets: inherit
      `,
    };
    const cw = loadWorkflow(caller)!;
    expect(cw.jobs.map((j) => [j.id, j.uses, j.secretsInherit !== undefined])).toEqual([
      ['call', './.github/workflows/reusable.yml', true],
      ['remote', 'org/repo/.github/workflows/x.yml@v1', true],
    ]);
    const refs = referencedSecrets([caller, callee]);
    expect(refs.byName.get('DEPLOY_KEY')!.map((r) => [r.path, r.job, r.via, r.line])).toEqual([
      [callee.path, 'deploy', 'expression', 10],
      [caller.path, 'call', 'inherited', 5],
    ]);
    expect(refs.open.map((o) => [o.job, o.what, o.line])).toEqual([['remote', 'inherit', 8]]);
    expect(runRule(secretsInherit, { code: caller.text, path: caller.path }).map((f) => [f.startLine, /Job `(\w+)`/.exec(f.message)?.[1]])).toEqual([
      [5, 'call'],
      [8, 'remote'],
    ]);
  });

  it('a YAML file in the workflows folder with neither `on:` nor `jobs:` is not a workflow, for either', () => {
    // Fix: the inventory used to count its secrets as used (GitHub never runs such a file).
    const text = y`
      x-shared: &tokens
        TOKEN: \${{ secrets.NOT_RUN }}
    `;
    expect(loadWorkflow({ path: PATH, text })).toBeUndefined();
    const refs = referencedSecrets([{ path: PATH, text }]);
    expect(refs.files).toEqual([PATH]);
    expect(refs.byName.size).toBe(0);
  });

  it('a workflow outside `.github/workflows/` is nothing to either', () => {
    expect(loadWorkflow({ path: 'ci/deploy.yml', text: environments })).toBeUndefined();
    expect(referencedSecrets([{ path: 'ci/deploy.yml', text: environments }]).files).toEqual([]);
  });
});
