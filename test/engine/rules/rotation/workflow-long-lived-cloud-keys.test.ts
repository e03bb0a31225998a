import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/workflow-long-lived-cloud-keys.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const WF = '.github/workflows/deploy.yml';
const steps = (body: string): string => `on: push\npermissions:\n  id-token: write\n  contents: read\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n${body}`;

ruleTester(rule, {
  valid: [
    {
      code: steps('      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/deploy\n          aws-region: eu-west-1\n'),
      path: WF,
    },
    {
      code: steps(
        '      - uses: google-github-actions/auth@v2\n        with:\n          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/gh\n          service_account: deploy@p.iam.gserviceaccount.com\n',
      ),
      path: WF,
    },
    {
      code: steps(
        '      - uses: azure/login@v2\n        with:\n          client-id: ${{ vars.AZURE_CLIENT_ID }}\n          tenant-id: ${{ vars.AZURE_TENANT_ID }}\n          subscription-id: ${{ vars.AZURE_SUBSCRIPTION_ID }}\n',
      ),
      path: WF,
    },
    // the variable name without a stored secret (e.g. set by an OIDC step's output)
    { code: steps('      - run: aws s3 ls\n        env:\n          AWS_ACCESS_KEY_ID: ${{ steps.creds.outputs.aws-access-key-id }}\n'), path: WF },
    // temporary STS credentials: keys that come with a session token expire by themselves
    {
      code: steps(
        '      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${{ secrets.TMP_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.TMP_KEY }}\n          aws-session-token: ${{ secrets.TMP_SESSION }}\n          aws-region: eu-west-1\n',
      ),
      path: WF,
    },
    {
      code: steps(
        '      - run: aws s3 ls\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.TMP_KEY_ID }}\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.TMP_KEY }}\n          AWS_SESSION_TOKEN: ${{ secrets.TMP_SESSION }}\n',
      ),
      path: WF,
    },
    // the session token at the job level covers the step's keys
    {
      code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      AWS_SESSION_TOKEN: ${{ secrets.SESSION }}\n    steps:\n      - run: aws s3 ls\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.KEY_ID }}\n',
      path: WF,
    },
    // credentials exported by the OIDC login for later steps
    {
      code: steps(
        '      - uses: aws-actions/configure-aws-credentials@v4\n        id: creds\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/deploy\n          aws-region: eu-west-1\n          output-credentials: true\n      - run: ./deploy.sh\n        env:\n          AWS_ACCESS_KEY_ID: ${{ steps.creds.outputs.aws-access-key-id }}\n          AWS_SESSION_TOKEN: ${{ steps.creds.outputs.aws-session-token }}\n',
      ),
      path: WF,
    },
    // keys of an S3-compatible store (Cloudflare R2, MinIO) that reuse the AWS variable names: no AWS role to federate to
    {
      code: steps(
        '      - name: Upload to R2\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.R2_ACCESS_KEY_ID }}\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.R2_SECRET_ACCESS_KEY }}\n          AWS_ENDPOINT_URL: https://${{ secrets.CF_ACCOUNT_ID }}.r2.cloudflarestorage.com\n        run: aws s3 cp --recursive dist/ s3://mirror/\n',
      ),
      path: WF,
    },
    {
      code: 'on: push\njobs:\n  upload:\n    runs-on: x\n    env:\n      AWS_ENDPOINT_URL_S3: ${{ vars.MINIO_URL }}\n    steps:\n      - run: aws s3 sync out/ s3://builds/\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.MINIO_KEY_ID }}\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.MINIO_KEY }}\n',
      path: WF,
    },
    {
      code: steps(
        '      - run: aws s3 cp site/ s3://site/ --recursive --endpoint-url https://s3.eu-central-003.backblazeb2.com\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.B2_KEY_ID }}\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.B2_KEY }}\n',
      ),
      path: WF,
    },
    // a workflow-shaped file outside .github/workflows
    { code: steps('      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n'), path: 'tests/fixtures/deploy.yml' },
    // not a workflow
    { code: 'env:\n  AWS_ACCESS_KEY_ID: ${{ secrets.KEY }}\n', path: 'ci/config.yml' },
  ],
  invalid: [
    // keys that assume a role: the key itself is still stored for good (low)
    {
      code: steps(
        '      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n          role-to-assume: arn:aws:iam::123456789012:role/deploy\n          aws-region: eu-west-1\n',
      ),
      path: WF,
      count: 1,
      line: 11,
    },
    // a session token in another job does not make this job's key temporary
    {
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      AWS_SESSION_TOKEN: ${{ secrets.S }}\n    steps: [{run: echo}]\n  b:\n    runs-on: x\n    steps:\n      - run: aws s3 ls\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.KEY_ID }}\n',
      path: WF,
      count: 1,
      line: 13,
    },
    {
      code: steps(
        '      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n          aws-region: eu-west-1\n',
      ),
      path: WF,
      count: 1,
      line: 11,
    },
    { code: steps('      - uses: google-github-actions/auth@v2\n        with:\n          credentials_json: ${{ secrets.GCP_SA_KEY }}\n'), path: WF, count: 1, line: 11 },
    { code: steps('      - uses: Azure/login@v1\n        with:\n          creds: ${{ secrets.AZURE_CREDENTIALS }}\n'), path: WF, count: 1, line: 11 },
    {
      code: steps('      - run: terraform apply\n        env:\n          ARM_CLIENT_SECRET: ${{ secrets.ARM_CLIENT_SECRET }}\n          GOOGLE_CREDENTIALS: ${{ secrets.GCP_KEY }}\n'),
      path: WF,
      count: 2,
    },
    {
      code: `env:\n  AWS_ACCESS_KEY_ID: \${{ secrets.KEY_ID }}\n  AWS_SECRET_ACCESS_KEY: \${{ secrets.KEY }}\n${steps('      - run: aws s3 ls\n').replace('on: push\n', '')}`.replace(
        /^/,
        'on: push\n',
      ),
      path: WF,
      // an access key's id and secret are one credential: one finding
      count: 1,
      line: 3,
    },
    // one stored secret used in two steps (signing, then signing the installer): one credential, one finding
    {
      code: steps(
        '      - run: ./sign.ps1 bin\n        env:\n          AZURE_CLIENT_ID: ${{ secrets.SIGN_ID }}\n          AZURE_CLIENT_SECRET: ${{ secrets.SIGN }}\n      - run: ./sign.ps1 msi\n        env:\n          AZURE_CLIENT_SECRET: ${{ secrets.SIGN }}\n',
      ),
      path: WF,
      count: 1,
      line: 12,
    },
    // an endpoint that is still AWS (FIPS), or set in another job, does not make the keys someone else's
    {
      code: steps(
        '      - run: aws s3 ls\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.KEY_ID }}\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.KEY }}\n          AWS_ENDPOINT_URL_S3: https://s3-fips.us-east-1.amazonaws.com\n',
      ),
      path: WF,
      count: 1,
      line: 11,
    },
    {
      code: 'on: push\njobs:\n  mirror:\n    runs-on: x\n    env:\n      AWS_ENDPOINT_URL: https://minio.internal:9000\n    steps: [{run: echo}]\n  deploy:\n    runs-on: x\n    steps:\n      - run: aws s3 ls\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.KEY_ID }}\n',
      path: WF,
      count: 1,
      line: 13,
    },
    // two different secrets are two credentials
    {
      code: steps(
        '      - run: ./sign.ps1 bin\n        env:\n          AZURE_CLIENT_SECRET: ${{ secrets.SIGN }}\n      - run: ./deploy.sh\n        env:\n          AZURE_CLIENT_SECRET: ${{ secrets.DEPLOY }}\n',
      ),
      path: WF,
      count: 2,
    },
    {
      code: y`
        name: deploy
        runs:
          using: composite
          steps:
            - uses: aws-actions/configure-aws-credentials@v4
              with:
                aws-access-key-id: \${{ inputs.key-id }}
      `,
      path: '.github/actions/deploy/action.yml',
      count: 1,
    },
  ],
});

describe('rotation/workflow-long-lived-cloud-keys', () => {
  it('reports an access key id and secret in one env mapping once, naming both', () => {
    const found = runRule(rule, {
      code: steps('      - run: aws s3 ls\n        env:\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.K }}\n          AWS_ACCESS_KEY_ID: ${{ secrets.I }}\n'),
      path: WF,
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('`AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`');
    // Only the id: still reported, as itself.
    const one = runRule(rule, { code: steps('      - run: aws s3 ls\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.I }}\n'), path: WF });
    expect(one[0]!.message).toMatch(/^`AWS_ACCESS_KEY_ID` in .* comes from a stored secret/);
  });
  it('reports a secret used by the same login in several jobs once, at its first use, naming the others', () => {
    const login = (job: string, role: boolean) =>
      `  ${job}:\n    runs-on: x\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: \${{ secrets.CI_KEY_ID }}\n${role ? '          role-to-assume: arn:aws:iam::123456789012:role/ci\n' : ''}`;
    const found = runRule(rule, { code: `on: push\njobs:\n${login('a', true)}${login('b', false)}${login('c', true)}`, path: WF });
    expect(found).toHaveLength(1);
    expect(found[0]!.startLine).toBe(8);
    expect(found[0]!.message).toMatch(/same secret is used the same way at lines 15, 21\.$/);
    // the job without role-to-assume makes it the rule's medium, not low
    expect(found[0]!.severity).toBe('medium');
    const allRoles = runRule(rule, { code: `on: push\njobs:\n${login('a', true)}${login('c', true)}`, path: WF });
    expect(allRoles).toHaveLength(1);
    expect(allRoles[0]!.severity).toBe('low');
  });
  it('grades a key that only assumes a role low', () => {
    const [f] = runRule(rule, {
      code: steps(
        '      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${{ secrets.K }}\n          role-to-assume: arn:aws:iam::123456789012:role/deploy\n',
      ),
      path: WF,
    });
    expect(f!.severity).toBe('low');
    expect(f!.message).toMatch(/session it assumes is temporary/);
  });
  it('says where and what to use instead', () => {
    const [f] = runRule(rule, { code: steps('      - name: Login\n        uses: google-github-actions/auth@v2\n        with:\n          credentials_json: ${{ secrets.GCP_SA_KEY }}\n'), path: WF });
    expect(f!.message).toBe(
      'google-github-actions/auth logs in to Google Cloud with `credentials_json` in job `deploy` step Login: a long-lived key where OIDC federation would issue a short-lived credential per run.',
    );
    expect(f!.remediation).toMatch(/workload_identity_provider/);
  });
});

describe('rotation/workflow-long-lived-cloud-keys: deploy and registry logins', () => {
  const wfOf = (step: string) => `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n${step}`;
  it('reports a publish profile, a registry login with a key file, and an ACR password from secrets', () => {
    const profile = wfOf('      - uses: azure/webapps-deploy@v3\n        with:\n          app-name: web\n          publish-profile: ${{ secrets.AZURE_WEBAPP_PUBLISH_PROFILE }}\n');
    expect(runRule(rule, { code: profile, path: '.github/workflows/deploy.yml' })[0]!.message).toMatch(/publish profile/);
    const gcr = wfOf('      - uses: docker/login-action@v3\n        with:\n          registry: europe-docker.pkg.dev\n          username: _json_key\n          password: ${{ secrets.GCP_SA_KEY }}\n');
    expect(runRule(rule, { code: gcr, path: '.github/workflows/deploy.yml' })[0]!.message).toMatch(/Google Cloud/);
    const acr = wfOf(
      '      - uses: docker/login-action@v3\n        with:\n          registry: contoso.azurecr.io\n          username: ${{ secrets.ACR_USERNAME }}\n          password: ${{ secrets.ACR_PASSWORD }}\n',
    );
    expect(runRule(rule, { code: acr, path: '.github/workflows/deploy.yml' })[0]!.message).toMatch(/Azure/);
  });
  it('not a registry login to Docker Hub or GHCR, nor a password minted in the job', () => {
    const hub = wfOf('      - uses: docker/login-action@v3\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n');
    expect(runRule(rule, { code: hub, path: '.github/workflows/deploy.yml' })).toEqual([]);
    const minted = wfOf(
      '      - uses: docker/login-action@v3\n        with:\n          registry: contoso.azurecr.io\n          username: 00000000-0000-0000-0000-000000000000\n          password: ${{ steps.acr.outputs.token }}\n',
    );
    expect(runRule(rule, { code: minted, path: '.github/workflows/deploy.yml' })).toEqual([]);
  });
});
