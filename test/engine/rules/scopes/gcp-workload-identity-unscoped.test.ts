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
    // AWS-federated providers have no OIDC issuer to scope
    { code: 'resource "google_iam_workload_identity_pool_provider" "aws" {\n  aws {\n    account_id = "123456789012"\n  }\n}\n', path: 'wif.tf' },
  ],
  invalid: [
    { code: provider(''), path: 'wif.tf', count: 1, line: 1 },
    // owner-only conditions admit every repository of the organization: info (off in the default policy)
    { code: provider(`attribute_condition = "assertion.repository_owner == 'my-org'"`), path: 'wif.tf', count: 1, line: 8 },
  ],
});
