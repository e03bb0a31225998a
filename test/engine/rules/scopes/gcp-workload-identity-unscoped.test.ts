import rule from '../../../../src/engine/rules/scopes/gcp-workload-identity-unscoped.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const provider = (extra: string) => y`
  resource "google_iam_workload_identity_pool_provider" "github" {
    workload_identity_pool_id          = google_iam_workload_identity_pool.ci.workload_identity_pool_id
    workload_identity_pool_provider_id = "github"
    attribute_mapping = {
      "google.subject"       = "assertion.sub"
      "attribute.repository" = "assertion.repository"
    }
    ${extra}
    oidc {
      issuer_uri = "https://token.actions.githubusercontent.com"
    }
  }
`;

ruleTester(rule, {
  valid: [
    { code: provider(`attribute_condition = "assertion.repository == 'my-org/app'"`), path: 'wif.tf' },
    { code: provider(`attribute_condition = "assertion.repository_owner == 'my-org' && assertion.repository == 'my-org/app'"`), path: 'wif.tf' },
    // A subject of GitHub's form pins the repository, also with a context pattern after it (as checkov reads it).
    { code: provider(`attribute_condition = "assertion.sub == 'repo:my-org/app:ref:refs/heads/main'"`), path: 'wif.tf' },
    { code: provider(`attribute_condition = "assertion.sub == 'repo:my-org/app:*'"`), path: 'wif.tf' },
    { code: provider(`attribute_condition = "assertion.ref == 'refs/heads/main' && assertion.repository == 'my-org/app'"`), path: 'wif.tf' },
    { code: provider(`attribute_condition = "assertion.repository_id == '123456' || assertion.repository in ['my-org/app', 'my-org/lib']"`), path: 'wif.tf' },
    { code: provider(`attribute_condition = "assertion.job_workflow_ref.startsWith('my-org/deploy/.github/workflows/release.yml@')"`), path: 'wif.tf' },
    // Written in a way this reading does not follow: left alone.
    { code: provider(`attribute_condition = var.wif_condition`), path: 'wif.tf' },
    { code: provider(`attribute_condition = "assertion.repository != 'my-org/legacy'"`), path: 'wif.tf' },
    // AWS-federated providers have no OIDC issuer to scope
    { code: 'resource "google_iam_workload_identity_pool_provider" "aws" {\n  aws {\n    account_id = "123456789012"\n  }\n}\n', path: 'wif.tf' },
  ],
  invalid: [
    { code: provider(''), path: 'wif.tf', count: 1, line: 1 },
    // owner-only conditions admit every repository of the organization: info (off in the default policy)
    { code: provider(`attribute_condition = "assertion.repository_owner == 'my-org'"`), path: 'wif.tf', count: 1, line: 8 },
    // Pins no repository: only what a workflow's author chooses, or one alternative that pins nothing.
    { code: provider(`attribute_condition = "assertion.ref == 'refs/heads/main'"`), path: 'wif.tf', count: 1, line: 8, severity: 'critical' },
    { code: provider(`attribute_condition = "assertion.repository == 'my-org/app' || assertion.workflow == 'deploy'"`), path: 'wif.tf', count: 1, severity: 'critical' },
    // A pattern under CEL's `==`, and subjects GitHub never issues.
    { code: provider(`attribute_condition = "assertion.sub == 'repo:*'"`), path: 'wif.tf', count: 1, severity: 'high' },
    { code: provider(`attribute_condition = "assertion.sub == 'repo:my-org*'"`), path: 'wif.tf', count: 1, severity: 'high' },
    { code: provider(`attribute_condition = "assertion.sub == '*'"`), path: 'wif.tf', count: 1, severity: 'high' },
    { code: provider(`attribute_condition = "assertion.sub == 'workflow:deploy:repo:my-org/app'"`), path: 'wif.tf', count: 1, severity: 'medium' },
  ],
});
