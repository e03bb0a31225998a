import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/gcp-basic-role.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const tf = y`
  resource "google_project_iam_member" "ci_owner" {
    project = var.project
    role    = "roles/owner"
    member  = "serviceAccount:ci@my-project.iam.gserviceaccount.com"
  }

  resource "google_folder_iam_binding" "editors" {
    folder  = "folders/1234"
    role    = "roles/editor"
    members = ["group:devs@example.com"]
  }

  resource "google_organization_iam_member" "auditors" {
    org_id = "1234"
    role   = "roles/viewer"
    member = "group:audit@example.com"
  }
`;

const policyData = y`
  data "google_iam_policy" "admin" {
    binding {
      role    = "roles/storage.objectViewer"
      members = ["user:jane@example.com"]
    }
    binding {
      role    = "roles/editor"
      members = ["allAuthenticatedUsers"]
    }
  }
`;

ruleTester(rule, {
  valid: [
    { code: 'resource "google_project_iam_member" "m" {\n  project = "p"\n  role    = "roles/storage.objectViewer"\n  member  = "user:jane@example.com"\n}\n', path: 'iam.tf' },
    // removing a grant is not granting it
    {
      code: 'resource "google_project_iam_member_remove" "m" {\n  project = "p"\n  role    = "roles/editor"\n  member  = "serviceAccount:123-compute@developer.gserviceaccount.com"\n}\n',
      path: 'iam.tf',
    },
    { code: tf.split('\n\n')[0]!, path: 'iam.tf', options: { allowMembers: ['serviceAccount:ci@*'] } },
    { code: tf.split('\n\n')[2]!, path: 'iam.tf', options: { roles: ['roles/owner', 'roles/editor'] } },
  ],
  invalid: [
    { code: tf, path: 'iam.tf', count: 3, line: 3 },
    { code: policyData, path: 'iam.tf', count: 1, line: 7 },
  ],
});

describe('scopes/gcp-basic-role severity', () => {
  it('grades owner critical, editor high, viewer low, public members critical', () => {
    expect(runRule(rule, { code: tf, path: 'iam.tf' }).map((f) => f.severity)).toEqual(['critical', 'high', 'low']);
    const f = runRule(rule, { code: policyData, path: 'iam.tf' })[0]!;
    expect(f.severity).toBe('critical');
    expect(f.remediation).toMatch(/predefined roles/);
  });
});
