import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/gcp-sa-impersonation.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const projectLevel = y`
  resource "google_project_iam_member" "token_creator" {
    project = var.project
    role    = "roles/iam.serviceAccountTokenCreator"
    member  = "group:devs@example.com"
  }

  resource "google_folder_iam_binding" "sa_user" {
    folder  = "folders/42"
    role    = "roles/iam.serviceAccountUser"
    members = ["group:platform@example.com"]
  }
`;

const saLevel = y`
  resource "google_service_account_iam_binding" "wif" {
    service_account_id = google_service_account.deployer.name
    role               = "roles/iam.workloadIdentityUser"
    members = [
      "principalSet://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/github/*",
    ]
  }

  resource "google_service_account_iam_member" "public" {
    service_account_id = google_service_account.deployer.name
    role               = "roles/iam.serviceAccountTokenCreator"
    member             = "allAuthenticatedUsers"
  }
`;

ruleTester(rule, {
  valid: [
    // one service account, one repository
    {
      code: y`
        resource "google_service_account_iam_member" "wif" {
          service_account_id = google_service_account.deployer.name
          role               = "roles/iam.workloadIdentityUser"
          member             = "principalSet://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/github/attribute.repository/my-org/app"
        }
      `,
      path: 'iam.tf',
    },
    { code: 'resource "google_project_iam_member" "m" {\n  project = "p"\n  role    = "roles/run.invoker"\n  member  = "serviceAccount:web@p.iam.gserviceaccount.com"\n}\n', path: 'iam.tf' },
    { code: projectLevel.split('\n\n')[0]!, path: 'iam.tf', options: { allowMembers: ['group:devs@example.com'] } },
  ],
  invalid: [
    { code: projectLevel, path: 'iam.tf', count: 2, line: 3 },
    { code: saLevel, path: 'sa.tf', count: 2, line: 5 },
    { code: 'resource "google_project_iam_member" "m" {\n  project = "p"\n  role    = "roles/cloudbuild.builds.editor"\n  member  = "group:ci@example.com"\n}\n', path: 'iam.tf', count: 1, line: 3 },
  ],
});

describe('scopes/gcp-sa-impersonation severity', () => {
  it('is high on a project, critical on a folder or to the public', () => {
    expect(runRule(rule, { code: projectLevel, path: 'iam.tf' }).map((f) => f.severity)).toEqual(['high', 'critical']);
    expect(runRule(rule, { code: saLevel, path: 'iam.tf' }).map((f) => f.severity)).toEqual(['high', 'critical']);
  });
});
