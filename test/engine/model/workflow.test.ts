/**
 * The workflow model is the one reader of workflows: the scope rules and the token inventory's secret
 * references get the same answer for the same text (which file is a workflow, its jobs, their
 * environments, reusable-only workflows, anchors and merge keys).
 */
import { describe, expect, it } from 'vitest';
import { expressionsIn, isReusableOnly, isWorkflowPath, loadWorkflow } from '../../../src/engine/model/workflow.js';
import { parseYaml } from '../../../src/engine/parse/yaml.js';
import type { LimitExceeded } from '../../../src/engine/limits.js';
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

  it('anchors: an aliased value is read for every job that uses it, at the anchor, by both', () => {
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
    expect(refs.map((r) => [r.job, r.environment, r.line])).toEqual([
      ['a', 'prod', 7],
      ['b', 'staging', 7],
    ]);
  });

  describe('expressionsIn follows aliases and merge keys', () => {
    const shared = y`
      on: push
      jobs:
        build:
          runs-on: ubuntu-latest
          env: &env
            TOKEN: \${{ secrets.SHARED }}
          steps: &steps
            - run: deploy --key \${{ secrets.STEP_KEY }}
            - env: &again
                KEY: \${{ secrets.STEP_KEY }}
              run: one
            - env: *again
              run: two
        alias:
          runs-on: ubuntu-latest
          env: *env
          steps: [{ run: echo }]
        merged:
          runs-on: ubuntu-latest
          env:
            <<: *env
            OTHER: x
          steps: *steps
        overridden:
          runs-on: ubuntu-latest
          env:
            <<: *env
            TOKEN: plain
          steps: [{ run: echo }]
        gated:
          environment: prod
          runs-on: ubuntu-latest
          env: *env
          steps: [{ run: echo }]
        clean:
          runs-on: ubuntu-latest
          steps: [{ run: echo }]
    `;
    /** Job id → the secrets of its expressions, each with the line it is written on. */
    const secretsByJob = (text: string): Array<[string, string[]]> => {
      const wf = loadWorkflow({ path: PATH, text })!;
      return wf.jobs.map((j) => [j.id, [...expressionsIn(wf.doc, text, j.node)].flatMap((ex) => [...ex.body.matchAll(/secrets\.(\w+)/g)].map((m) => `${m[1]}:${wf.doc.file.pos(ex.start).line}`))]);
    };

    it("a job gets an anchor's expressions through `*alias` and `<<: *alias`, located at the anchor; once per use within a job", () => {
      expect(secretsByJob(shared)).toEqual([
        // The anchored step env is used twice in `build` (written and aliased): read once.
        ['build', ['SHARED:6', 'STEP_KEY:8', 'STEP_KEY:10']],
        ['alias', ['SHARED:6']],
        ['merged', ['SHARED:6', 'STEP_KEY:8', 'STEP_KEY:10']],
        // An explicit key wins over a merged one (YAML merge): the anchored TOKEN is not used here.
        ['overridden', []],
        ['gated', ['SHARED:6']],
        ['clean', []],
      ]);
    });

    it('the rules and the inventory see the same: secrets reached through an alias count for the job that uses them', () => {
      // Each set of secrets once: at the first job's first secret written in the job, else at its key (the
      // anchor's line named); `merged` reads what `build` reads, so it is named in `build`'s finding.
      const found = runRule(secretsWithoutEnvironment, { code: shared, path: PATH });
      expect(found.map((f) => `${/Jobs? `(\w+)`/.exec(f.message)?.[1]}:${f.startLine}`)).toEqual(['build:6', 'alias:14']);
      expect(found[0]!.message).toMatch(/^Jobs `build` and `merged` read the secrets/);
      expect(found[1]!.message).toMatch(/^Job `alias` reads the secret `SHARED` \(through a YAML alias of line 6\) without a deployment `environment:`/);
      const refs = referencedSecrets([{ path: PATH, text: shared }]);
      expect(refs.byName.get('SHARED')!.map((r) => [r.job, r.environment, r.line])).toEqual([
        ['build', undefined, 6],
        ['alias', undefined, 6],
        ['merged', undefined, 6],
        ['gated', 'prod', 6],
      ]);
      expect(refs.byName.get('STEP_KEY')!.map((r) => `${r.job}:${r.line}`)).toEqual(['build:8', 'build:10', 'merged:8', 'merged:10']);
    });

    it('a bare `if:` condition reused through an alias is an expression where it is used as `if:`, not elsewhere', () => {
      const text = y`
        on: push
        jobs:
          deploy:
            if: &ready github.ref == 'refs/heads/main' && secrets.DEPLOY_KEY != ''
            runs-on: ubuntu-latest
            steps: [{ run: echo }]
          later:
            if: *ready
            runs-on: ubuntu-latest
            steps: [{ run: echo }]
          label:
            runs-on: ubuntu-latest
            steps: [{ run: echo, name: *ready }]
      `;
      const refs = referencedSecrets([{ path: PATH, text }]).byName.get('DEPLOY_KEY')!;
      expect(refs.map((r) => `${r.job}:${r.line}`)).toEqual(['deploy:4', 'later:4']);
    });

    it('within the walk budget of the parser: following aliases counts against maxWalkSteps', () => {
      const text =
        y`
        on: push
        jobs:
          a:
            env: &env
              A: \${{ secrets.A }}
              B: b
            steps: [{ run: echo }]
      ` + Array.from({ length: 30 }, (_, i) => `  j${i}:\n    env: { <<: *env }\n    steps: [{ run: echo }]\n`).join('');
      const wf = loadWorkflow({ path: PATH, text })!;
      expect(wf.jobs.flatMap((j) => [...expressionsIn(wf.doc, text, j.node)]).length).toBe(31);
      const tight = parseYaml(text, { limits: { maxWalkSteps: 40 } })!.first!;
      let caught: unknown;
      try {
        for (const e of tight.entries(tight.get(tight.root, 'jobs'))) for (const _ of expressionsIn(tight, text, e.value));
      } catch (e) {
        caught = e;
      }
      expect((caught as LimitExceeded).limit).toBe('walk-steps');
    });
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
