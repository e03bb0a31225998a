import rule from '../../../../src/engine/rules/scopes/gcp-sa-privileged.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

ruleTester(rule, {
  valid: [
    { code: 'resource "google_project_iam_member" "m" {\n  project = "p"\n  role    = "roles/storage.objectUser"\n  member  = "serviceAccount:app@p.iam.gserviceaccount.com"\n}\n', path: 'iam.tf' },
    // an admin role for a person is not this rule's business
    { code: 'resource "google_project_iam_member" "m" {\n  project = "p"\n  role    = "roles/storage.admin"\n  member  = "group:storage-admins@example.com"\n}\n', path: 'iam.tf' },
    {
      code: 'resource "google_project_iam_member" "m" {\n  project = "p"\n  role    = "roles/logging.admin"\n  member  = "serviceAccount:log@p.iam.gserviceaccount.com"\n}\n',
      path: 'iam.tf',
      options: { allowRoles: ['roles/logging.admin'] },
    },
  ],
  invalid: [
    {
      code: y`
        resource "google_project_iam_member" "tf" {
          project = "p"
          role    = "roles/resourcemanager.projectIamAdmin"
          member  = "serviceAccount:terraform@p.iam.gserviceaccount.com"
        }
      `,
      path: 'iam.tf',
      count: 1,
      line: 3,
    },
    {
      code: y`
        resource "google_project_iam_binding" "gce" {
          project = "p"
          role    = "roles/pubsub.publisher"
          members = [
            "serviceAccount:123456789-compute@developer.gserviceaccount.com",
          ]
        }
      `,
      path: 'iam.tf',
      count: 1,
      line: 5,
    },
  ],
});
