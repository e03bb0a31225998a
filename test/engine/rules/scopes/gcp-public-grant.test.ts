import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/gcp-public-grant.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const TF = 'infra/iam.tf';
const tf = (code: string, extra: Record<string, unknown> = {}) => ({ code, path: TF, ...extra });
const ALL = 'all' + 'Users';
const AUTH = 'all' + 'AuthenticatedUsers';

const bucket = y`
  resource "google_storage_bucket_iam_member" "public" {
    bucket = google_storage_bucket.assets.name
    role   = "roles/storage.objectViewer"
    member = "${ALL}"
  }
`;

ruleTester(rule, {
  valid: [
    // a group, a domain's service account, a reference whose value is unknown
    tf(y`
      resource "google_storage_bucket_iam_member" "readers" {
        bucket = google_storage_bucket.assets.name
        role   = "roles/storage.objectViewer"
        member = "group:readers@example.com"
      }
      resource "google_kms_crypto_key_iam_binding" "k" {
        crypto_key_id = google_kms_crypto_key.k.id
        role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
        members       = [var.member, "serviceAccount:app@p.iam.gserviceaccount.com"]
      }
    `),
    // a conditional grant, and a member removed rather than granted
    tf(y`
      resource "google_storage_bucket_iam_member" "until" {
        bucket = "b"
        role   = "roles/storage.objectViewer"
        member = "${ALL}"
        condition {
          title      = "until launch"
          expression = "request.time < timestamp(\"2020-01-01T00:00:00Z\")"
        }
      }
      resource "google_project_iam_member_remove" "r" {
        project = "p"
        role    = "roles/storage.objectViewer"
        member  = "${ALL}"
      }
    `),
    // a basic role on a project is gcp-basic-role's finding, not a second one here
    tf(`resource "google_project_iam_member" "m" {\n  project = "p"\n  role    = "roles/viewer"\n  member  = "${AUTH}"\n}\n`),
    // allowed on purpose
    tf(bucket, { options: { allowResources: ['google_storage_bucket_iam_member.public'] } }),
    tf(`resource "google_cloud_run_v2_service_iam_member" "web" {\n  name   = google_cloud_run_v2_service.web.name\n  role   = "roles/run.invoker"\n  member = "${ALL}"\n}\n`, {
      options: { allowRoles: ['roles/run.invoker'] },
    }),
    // the word in a comment or a description is not a grant
    tf(`# never grant ${ALL}\nresource "google_storage_bucket" "b" {\n  name = "b"\n  labels = { note = "${ALL}" }\n}\n`),
  ],
  invalid: [
    { ...tf(bucket), count: 1, line: 4 },
    {
      ...tf(y`
        resource "google_kms_crypto_key_iam_binding" "k" {
          crypto_key_id = google_kms_crypto_key.k.id
          role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
          members       = ["group:app@example.com", "${AUTH}"]
        }
      `),
      count: 1,
      line: 4,
    },
    {
      ...tf(y`
        data "google_iam_policy" "p" {
          binding {
            role    = "roles/secretmanager.secretAccessor"
            members = ["${ALL}"]
          }
        }
        resource "google_bigquery_dataset" "d" {
          dataset_id = "d"
          access {
            role          = "READER"
            special_group = "${AUTH}"
          }
          access {
            role          = "OWNER"
            user_by_email = "owner@example.com"
          }
        }
        resource "google_storage_bucket_acl" "acl" {
          bucket      = "b"
          role_entity = ["OWNER:project-owners-123", "READER:${ALL}"]
        }
      `),
      count: 3,
    },
  ],
});

describe('scopes/gcp-public-grant severity', () => {
  it('is critical for secrets and keys, high for data, medium for a public invoker', () => {
    const sev = (role: string) => runRule(rule, tf(`resource "google_pubsub_topic_iam_member" "m" {\n  topic  = "t"\n  role   = "${role}"\n  member = "${ALL}"\n}\n`))[0]?.severity;
    expect(sev('roles/secretmanager.secretAccessor')).toBe('critical');
    expect(sev('roles/pubsub.publisher')).toBe('high');
    expect(sev('roles/run.invoker')).toBe('medium');
    const [f] = runRule(rule, tf(bucket));
    expect(f!.message).toMatch(/grants the role `roles\/storage\.objectViewer` to `allUsers`: anyone on the internet/);
  });

  it('reports a non-basic role granted to the public on a project', () => {
    const found = runRule(rule, tf(`resource "google_project_iam_binding" "b" {\n  project = "p"\n  role    = "roles/storage.objectViewer"\n  members = ["${ALL}"]\n}\n`));
    expect(found.map((f) => f.severity)).toEqual(['high']);
  });
});
