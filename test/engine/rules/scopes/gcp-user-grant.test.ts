import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/gcp-user-grant.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';

const TF = 'iam.tf';
const member = (type: string, m: string, role = 'roles/storage.objectViewer') => `resource "${type}" "m" {\n  project = "p"\n  role    = "${role}"\n  member  = "${m}"\n}\n`;

ruleTester(rule, {
  valid: [
    { code: member('google_project_iam_member', 'group:data-readers@example.com'), path: TF },
    { code: member('google_project_iam_member', 'serviceAccount:etl@p.iam.gserviceaccount.com'), path: TF },
    // a service account written with the user: prefix is not a person
    { code: member('google_project_iam_member', 'user:etl@p.iam.gserviceaccount.com'), path: TF },
    { code: member('google_folder_iam_member', 'domain:example.com'), path: TF },
    // a variable: not known to be a user
    { code: 'resource "google_project_iam_member" "m" {\n  project = "p"\n  role    = "roles/viewer"\n  member  = "user:${var.email}"\n}\n', path: TF },
    // service-account-level grants (who may act as it) are another rule's business
    { code: member('google_service_account_iam_member', 'user:alice@example.com', 'roles/iam.serviceAccountUser'), path: TF },
    // removing a grant
    { code: member('google_project_iam_member_remove', 'user:alice@example.com'), path: TF },
    { code: member('google_project_iam_member', 'user:breakglass@example.com', 'roles/owner'), path: TF, options: { allowMembers: ['user:breakglass@*'] } },
  ],
  invalid: [
    { code: member('google_project_iam_member', 'user:alice@example.com'), path: TF, count: 1, line: 4 },
    { code: member('google_folder_iam_member', 'user:alice@example.com'), path: TF, count: 1 },
    { code: member('google_organization_iam_member', 'user:alice@example.com', 'roles/resourcemanager.organizationViewer'), path: TF, count: 1 },
    {
      code: 'resource "google_project_iam_binding" "b" {\n  project = "p"\n  role    = "roles/cloudsql.client"\n  members = [\n    "group:devs@example.com",\n    "user:bob@example.com",\n    "user:carol@example.com",\n  ]\n}\n',
      path: TF,
      count: 1,
      line: 6,
    },
    { code: 'data "google_iam_policy" "p" {\n  binding {\n    role    = "roles/run.invoker"\n    members = ["user:dave@example.com"]\n  }\n}\n', path: TF, count: 1 },
  ],
});

describe('scopes/gcp-user-grant', () => {
  it('names the users and the role', () => {
    const [f] = runRule(rule, {
      code: 'resource "google_project_iam_binding" "b" {\n  project = "p"\n  role    = "roles/cloudsql.client"\n  members = ["user:bob@example.com", "user:carol@example.com"]\n}\n',
      path: TF,
    });
    expect(f!.message).toBe(
      '`google_project_iam_binding.b` grants `roles/cloudsql.client` on the project to 2 individual users (`user:bob@example.com`, `user:carol@example.com`) rather than to a group.',
    );
  });
});
