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

const agentGrant = (role: string, member: string) =>
  `resource "google_project_iam_member" "agent" {\n  project = var.project_id\n  role    = "${role}"\n  member  = ${member}\n}\n` +
  'resource "google_project_service_identity" "sa_gkehub" {\n  provider = google-beta\n  service  = "gkehub.googleapis.com"\n}\n';

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
    // a service-agent role for the service agent itself (Google's documented setup of the agent)
    { code: agentGrant('roles/gkehub.serviceAgent', '"serviceAccount:${google_project_service_identity.sa_gkehub[0].email}"'), path: 'iam.tf' },
    { code: agentGrant('roles/container.serviceAgent', 'google_project_service_identity.gke.member'), path: 'iam.tf' },
    { code: agentGrant('roles/cloudbuild.serviceAgent', '"serviceAccount:service-${data.google_project.p.number}@gcp-sa-cloudbuild.iam.gserviceaccount.com"'), path: 'iam.tf' },
    { code: agentGrant('roles/container.hostServiceAgentUser', '"serviceAccount:service-123456789012@container-engine-robot.iam.gserviceaccount.com"'), path: 'iam.tf' },
    // an organization's service agent (Cloud KMS key usage tracking, Autokey)
    {
      code: 'resource "google_organization_iam_member" "kms" {\n  org_id = local.org_id\n  role   = "roles/cloudkms.orgServiceAgent"\n  member = "serviceAccount:service-org-${local.org_id}@gcp-sa-cloudkms.iam.gserviceaccount.com"\n}\n',
      path: 'iam.tf',
    },
    // … built with format(), the IAM domain a variable (modules that serve other universes)
    { code: agentGrant('roles/managedkafka.serviceAgent', 'format("serviceAccount:service-%s@gcp-sa-managedkafka.%s", local.service_project_number, local.iam_gsa_domain)'), path: 'iam.tf' },
    { code: agentGrant('roles/cloudbuild.serviceAgent', 'format("serviceAccount:service-%d@gcp-sa-cloudbuild.iam.gserviceaccount.com", data.google_project.p.number)'), path: 'iam.tf' },
  ],
  invalid: [
    { code: projectLevel, path: 'iam.tf', count: 2, line: 3 },
    { code: saLevel, path: 'sa.tf', count: 2, line: 5 },
    { code: 'resource "google_project_iam_member" "m" {\n  project = "p"\n  role    = "roles/cloudbuild.builds.editor"\n  member  = "group:ci@example.com"\n}\n', path: 'iam.tf', count: 1, line: 3 },
    // a service-agent role for anyone but the agent: a user, a service account named like one in a project
    { code: agentGrant('roles/gkehub.serviceAgent', '"user:dev@example.com"'), path: 'iam.tf', count: 1, line: 3 },
    { code: agentGrant('roles/gkehub.serviceAgent', '"serviceAccount:service-123@my-project.iam.gserviceaccount.com"'), path: 'iam.tf', count: 1, line: 3 },
    { code: agentGrant('roles/gkehub.serviceAgent', 'google_service_account.app.member'), path: 'iam.tf', count: 1, line: 3 },
    // an organization service agent role for a project's service account on the organization
    {
      code: 'resource "google_organization_iam_member" "kms" {\n  org_id = local.org_id\n  role   = "roles/cloudkms.orgServiceAgent"\n  member = "serviceAccount:kms@p.iam.gserviceaccount.com"\n}\n',
      path: 'iam.tf',
      count: 1,
      line: 3,
    },
    // format() builds a member like any other: a project service account, or an impersonation role for an agent
    { code: agentGrant('roles/gkehub.serviceAgent', 'format("serviceAccount:%s@%s.iam.gserviceaccount.com", var.name, var.project)'), path: 'iam.tf', count: 1, line: 3 },
    { code: agentGrant('roles/iam.serviceAccountUser', 'format("serviceAccount:service-%s@gcp-sa-managedkafka.%s", local.number, local.iam_gsa_domain)'), path: 'iam.tf', count: 1, line: 3 },
    // … or for the agent AND someone else: the someone else is named
    {
      code: 'resource "google_project_iam_binding" "b" {\n  project = "p"\n  role    = "roles/gkehub.serviceAgent"\n  members = ["serviceAccount:${google_project_service_identity.hub.email}", "group:ops@example.com"]\n}\n',
      path: 'iam.tf',
      count: 1,
      line: 3,
    },
    // an impersonation role is reported whoever gets it, a service agent too
    { code: agentGrant('roles/iam.serviceAccountTokenCreator', '"serviceAccount:${google_project_service_identity.sa.email}"'), path: 'iam.tf', count: 1, line: 3 },
  ],
});

describe('scopes/gcp-sa-impersonation severity', () => {
  it('is high on a project, critical on a folder or to the public', () => {
    expect(runRule(rule, { code: projectLevel, path: 'iam.tf' }).map((f) => f.severity)).toEqual(['high', 'critical']);
    expect(runRule(rule, { code: saLevel, path: 'iam.tf' }).map((f) => f.severity)).toEqual(['high', 'critical']);
  });
});

describe('scopes/gcp-sa-impersonation format()', () => {
  it('names the member format() builds', () => {
    const [f] = runRule(rule, { code: agentGrant('roles/iam.serviceAccountUser', 'format("serviceAccount:%s", google_service_account.ci.email)'), path: 'iam.tf' });
    expect(f!.message).toContain('`serviceAccount:${google_service_account.ci.email}`');
  });
});

describe('scopes/gcp-sa-impersonation service agents', () => {
  it('names only the members that are not the service agent', () => {
    const code =
      'resource "google_project_iam_binding" "b" {\n  project = "p"\n  role    = "roles/gkehub.serviceAgent"\n  members = ["serviceAccount:${google_project_service_identity.hub.email}", "group:ops@example.com"]\n}\n';
    const [f] = runRule(rule, { code, path: 'iam.tf' });
    expect(f!.message).toMatch(/to `group:ops@example.com`: the role can act as service accounts of the project\.$/);
  });
});
