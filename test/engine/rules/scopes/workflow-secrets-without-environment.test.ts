import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/workflow-secrets-without-environment.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { wf } from './helpers.js';

const S = (name: string): string => '${{ secrets.' + name + ' }}';
const job = (body: string, extra = '', on = 'push') => `on: ${on}\npermissions: {}\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${body}`;
/** `deploy` (with an environment) anchors its env; `smoke` reuses it (`env: *env` unless `env` is given). */
const aliased = (extra = '', env = '    env: *env\n') =>
  `on: push\njobs:\n  deploy:\n    environment: prod\n    runs-on: x\n    env: &env\n      TOKEN: ${S('DEPLOY_TOKEN')}\n    steps: [{ run: make deploy }]\n  smoke:\n    runs-on: x\n${extra}${env}    steps: [{ run: make smoke }]\n`;
const step = (name: string) => `      - run: ./deploy.sh\n        env:\n          TOKEN: ${S(name)}\n`;

ruleTester(rule, {
  valid: [
    // an environment, as a name or a mapping
    wf(job(step('DEPLOY_TOKEN'), '    environment: production\n')),
    wf(job(step('DEPLOY_TOKEN'), '    environment:\n      name: production\n      url: https://example.com\n')),
    wf(job(step('DEPLOY_TOKEN'), "    environment: ${{ github.ref == 'refs/heads/main' && 'prod' || 'staging' }}\n")),
    // GITHUB_TOKEN is always there
    wf(job(`      - run: gh release view\n        env:\n          GH_TOKEN: ${S('GITHUB_TOKEN')}\n`)),
    // GitHub's debug-logging switches, kept as secrets set to `true`, are not credentials
    wf(job(`      - uses: actions/github-script@v7\n        with:\n          debug: \${{ secrets.ACTIONS_RUNNER_DEBUG == 'true' }}\n          script: core.info('ok')\n`)),
    wf(job(`      - run: npm test\n        env:\n          ACTIONS_STEP_DEBUG: ${S('ACTIONS_STEP_DEBUG')}\n`)),
    // no secrets at all; the word in a plain string
    wf(job('      - run: echo "no secrets here"\n')),
    // a reusable workflow's jobs (its caller decides), and a job that calls one
    wf(job(step('DEPLOY_TOKEN'), '', 'workflow_call')),
    wf(`on: push\njobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n    secrets:\n      token: ${S('DEPLOY_TOKEN')}\n`),
    // allowed by the policy
    { ...wf(job(step('CODECOV_TOKEN'))), options: { allowSecrets: ['codecov_token'] } },
    // a peer tool's ignore marker
    wf(job(`      - run: ./deploy.sh\n        env:\n          # zizmor: ignore[secrets-outside-env]\n          TOKEN: ${S('X')}\n`)),
    // not a workflow
    { code: job(step('DEPLOY_TOKEN')), path: 'ci/templates/deploy.yml' },
    // a secret reached through a YAML alias, by a job with an environment of its own
    wf(aliased('    environment: staging\n')),
    // merged under an explicit key of the same name (YAML merge: the explicit key wins)
    wf(aliased('', `    env:\n      <<: *env\n      TOKEN: plain\n`)),
  ],
  invalid: [
    { ...wf(job(step('DEPLOY_TOKEN'))), count: 1, line: 9 },
    // several secrets in one job: one finding naming them
    { ...wf(job(`${step('A')}      - uses: some/action@v1\n        with:\n          key: ${S('B')}\n          other: \${{ secrets['C'] }}\n`)), count: 1, line: 9 },
    // two jobs, one with an environment
    {
      ...wf(
        `on: push\njobs:\n  test:\n    runs-on: x\n    steps:\n      - run: make test\n        env:\n          KEY: ${S('TEST_KEY')}\n  deploy:\n    runs-on: x\n    environment: prod\n    steps:\n      - run: make deploy\n        env:\n          KEY: ${S('PROD_KEY')}\n`,
      ),
      count: 1,
      line: 8,
    },
    // job-level env and container credentials count too
    { ...wf(job('      - run: make\n', `    env:\n      NPM_TOKEN: ${S('NPM_TOKEN')}\n`)), count: 1 },
    // a secret reached only through a YAML alias (`*env`, `<<: *env`) of another job's anchor: at the job's key
    { ...wf(aliased()), count: 1, line: 9 },
    { ...wf(aliased('', '    env:\n      <<: *env\n      OTHER: x\n')), count: 1, line: 9 },
  ],
});

describe('scopes/workflow-secrets-without-environment', () => {
  it('names the credentials beside a debug switch, not the switch', () => {
    const [f] = runRule(rule, wf(job(`${step('DEPLOY_TOKEN')}      - run: make smoke\n        env:\n          ACTIONS_RUNNER_DEBUG: ${S('ACTIONS_RUNNER_DEBUG')}\n`)));
    expect(f!.message).toMatch(/reads the secret `DEPLOY_TOKEN` without/);
  });
  it('names the secrets and the fix', () => {
    const [f] = runRule(rule, wf(job(`${step('A')}${step('B')}`)));
    expect(f!.message).toBe('Job `deploy` reads the secrets `A` and `B` without a deployment `environment:`: no reviewer or branch rule stands between them and any job on any branch.');
    expect(f!.severity).toBe('low');
    expect(f!.remediation).toMatch(/environment: <name>/);
  });
});

describe('scopes/workflow-secrets-without-environment: jobs reading the same secrets', () => {
  it('are one finding at the first job, naming the others; a job reading other secrets is its own', () => {
    const job = (id: string, secret: string) => `  ${id}:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./e2e.sh\n        env:\n          TOKEN: \${{ secrets.${secret} }}\n`;
    const code = `on: push\npermissions: {}\njobs:\n${job('e2e-a', 'E2E_APP_KEY')}${job('e2e-b', 'E2E_APP_KEY')}${job('e2e-c', 'E2E_APP_KEY')}${job('deploy', 'DEPLOY_KEY')}`;
    const found = runRule(rule, { code, path: '.github/workflows/e2e.yml' });
    expect(found).toHaveLength(2);
    expect(found[0]!.message).toMatch(/^Jobs `e2e-a`, `e2e-b` and `e2e-c` read the secret `E2E_APP_KEY`/);
    expect(found[1]!.message).toMatch(/^Job `deploy` reads the secret `DEPLOY_KEY`/);
  });
});

describe('scopes/workflow-secrets-without-environment: identifiers kept as secrets', () => {
  it('does not count OIDC client, tenant and subscription ids, and still counts a client secret beside them', () => {
    const login = (extra = '') =>
      `on: push\npermissions:\n  id-token: write\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/login@v2\n        with:\n          client-id: \${{ secrets.AZURE_CLIENT_ID }}\n          tenant-id: \${{ secrets.AZURE_TENANT_ID }}\n          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}\n${extra}`;
    expect(runRule(rule, { code: login(), path: '.github/workflows/deploy.yml' })).toEqual([]);
    const [f] = runRule(rule, { code: login('      - run: ./deploy.sh\n        env:\n          CLIENT_SECRET: ${{ secrets.AZURE_CLIENT_SECRET }}\n'), path: '.github/workflows/deploy.yml' });
    expect(f!.message).toMatch(/`AZURE_CLIENT_SECRET`/);
    expect(f!.message).not.toMatch(/AZURE_CLIENT_ID/);
  });
  it('does not count the role ARN and region configure-aws-credentials assumes with OIDC', () => {
    const code = (role: string) =>
      `on: schedule
permissions:
  id-token: write
jobs:
  sweep:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ secrets.${role} }}
          aws-region: \${{ secrets.AWS_REGION }}
`;
    expect(runRule(rule, { code: code('AWS_ROLE_ARN_JANITOR'), path: '.github/workflows/janitor.yaml' })).toEqual([]);
    expect(runRule(rule, { code: code('CLOUD_NUKE_ROLE'), path: '.github/workflows/nuke.yaml' })).toEqual([]);
    expect(runRule(rule, { code: code('AWS_SECRET_ACCESS_KEY'), path: '.github/workflows/nuke.yaml' })).toHaveLength(1);
  });
});
