import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/workflow-unredacted-secrets.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { wf, y } from './helpers.js';

const job = (steps: string) => `on: push\npermissions: {}\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

const deploy = y`
  on: push
  permissions: {}
  jobs:
    deploy:
      runs-on: ubuntu-latest
      steps:
        - name: Configure AWS
          env:
            AWS_ACCESS_KEY_ID: \${{ fromJSON(secrets.AWS_CREDS).access_key }}
            AWS_SECRET_ACCESS_KEY: \${{ fromJson(secrets.AWS_CREDS)['secret_key'] }}
          run: aws sts get-caller-identity
        - id: db
          run: psql "postgres://app:\${{ fromJSON( secrets['DB'] ).password }}@db/app"
`;

ruleTester(rule, {
  valid: [
    // the secret itself, whole: masked
    wf(job('      - run: deploy\n        env:\n          TOKEN: ${{ secrets.TOKEN }}\n')),
    // fromJSON without a field taken: a scalar prints as stored (zizmor flags this too; we do not)
    wf(job('      - run: sleep ${{ fromJSON(secrets.DELAY) }}\n')),
    wf("on: push\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: ${{ fromJSON(secrets.TIMEOUT) }}\n    steps:\n      - run: 'true'\n"),
    // only compared or tested: the result is a boolean
    wf(job("      - run: deploy ${{ fromJSON(secrets.CFG).env == 'prod' && '--prod' || '' }}\n")),
    wf(job("      - run: deploy ${{ 'prod' != fromJSON(secrets.CFG).env }}\n")),
    wf(job('      - run: echo ${{ !fromJSON(secrets.CFG).enabled }}\n')),
    wf(job("      - run: echo ${{ contains(fromJSON(secrets.CFG).regions, 'eu') }}\n")),
    // conditions never print the value
    wf(job('      - if: fromJSON(secrets.CFG).deploy\n        run: deploy\n')),
    wf(job("      - if: ${{ fromJSON(secrets.CFG).env == 'prod' }}\n        run: deploy\n")),
    // fromJSON of something else
    wf(job('      - run: echo ${{ fromJSON(steps.meta.outputs.json).tags }} ${{ fromJSON(vars.CONFIG).region }} ${{ fromJSON(needs.a.outputs.secrets).x }}\n')),
    // comments and plain text are not expressions
    wf(job('      # fromJSON(secrets.AWS).key would leak\n      - run: echo "fromJSON(secrets.AWS).key"\n')),
    // peer triage honoured
    wf(job('      - run: deploy\n        env:\n          K: ${{ fromJSON(secrets.AWS).key }} # zizmor: ignore[unredacted-secrets]\n')),
    // not a workflow: outside .github/workflows, or not action metadata
    { code: job('      - run: echo ${{ fromJSON(secrets.AWS).key }}\n'), path: 'ci/templates/deploy.yml' },
    { code: job('      - run: echo ${{ fromJSON(secrets.AWS).key }}\n'), path: '.github/workflows/sub/deploy.yml' },
  ],
  invalid: [
    { ...wf(deploy), count: 3, line: 9 },
    { ...wf(job('      - run: echo "${{ fromJSON(secrets.AWS).creds.key }}"\n')), count: 1, line: 7 },
    // a computed field
    { ...wf(job('      - run: login ${{ fromJSON(secrets.TOKENS)[matrix.env] }}\n')), count: 1 },
    // the field used as a default is the value itself
    { ...wf(job("      - run: login ${{ fromJSON(secrets.TOKENS).prod || 'none' }}\n")), count: 1 },
    // inside another function that prints it
    { ...wf(job('      - run: echo ${{ toJSON(fromJSON(secrets.GCP).private_key) }}\n')), count: 1 },
    // job-level env and a reusable workflow's inputs
    { ...wf("on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      KEY: ${{ fromJSON(secrets.AWS).key }}\n    steps:\n      - run: 'true'\n"), count: 1, line: 6 },
    { ...wf('on: push\njobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n    with:\n      user: ${{ fromJSON(secrets.DB).user }}\n'), count: 1 },
    // two fields in one expression
    { ...wf(job("      - run: echo ${{ format('{0}:{1}', fromJSON(secrets.DB).user, fromJSON(secrets.DB).password) }}\n")), count: 2 },
    // composite action metadata
    {
      code: "name: deploy\nruns:\n  using: composite\n  steps:\n    - name: Login\n      shell: bash\n      run: login --token '${{ fromJSON(secrets.CREDS).token }}'\n",
      path: 'actions/deploy/action.yml',
      count: 1,
      line: 7,
    },
    // a zizmor marker for another audit does not count
    { ...wf(job('      - run: deploy\n        env:\n          K: ${{ fromJSON(secrets.AWS).key }} # zizmor: ignore[template-injection]\n')), count: 1 },
  ],
});

describe('scopes/workflow-unredacted-secrets', () => {
  it('points at fromJSON and names the step, the secret and the field', () => {
    const found = runRule(rule, wf(deploy));
    expect(found.map((f) => [f.startLine, f.startColumn])).toEqual([
      [9, 34],
      [10, 38],
      [13, 39],
    ]);
    expect(found[0]!.message).toBe(
      'The step "Configure AWS" of job `deploy` takes `access_key` out of the JSON secret `AWS_CREDS` (`fromJSON(secrets.AWS_CREDS).access_key`): GitHub masks the secret\'s whole value in logs, not a field derived from it, so this credential prints in clear if a step echoes it or a tool logs it.',
    );
    expect(found[1]!.message).toContain("takes `['secret_key']` out of the JSON secret `AWS_CREDS`");
    expect(found[2]!.message).toMatch(/^The step `db` of job `deploy` takes `password` out of the JSON secret `DB`/);
    expect(found.every((f) => f.severity === 'medium')).toBe(true);
    expect(new Set(found.map((f) => f.fingerprint)).size).toBe(3);
  });

  it('names the job or action when there is no step', () => {
    const [jobLevel] = runRule(rule, wf("on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      KEY: ${{ fromJSON(secrets.AWS).key }}\n    steps:\n      - run: 'true'\n"));
    expect(jobLevel!.message).toMatch(/^The job `a` \(`env`\) takes `key`/);
    const [action] = runRule(rule, {
      code: "name: deploy\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: login '${{ fromJSON(secrets.CREDS).token }}'\n",
      path: 'action.yml',
    });
    expect(action!.message).toMatch(/^The step 1 of the action takes `token`/);
  });
});
