import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/gcp-default-compute-sa.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const DEFAULT = '123456789012-compute@developer.gserviceaccount.com';
const FULL = 'https://www.googleapis.com/auth/cloud-platform';

const vm = (sa: string, type = 'google_compute_instance', name = 'web') => y`
  resource "${type}" "vm" {
    name         = "${name}"
    machine_type = "e2-small"
    ${sa}
  }
`;
const sa = (email: string | undefined, scopes: string) => `service_account {\n    ${email === undefined ? '' : `email  = ${email}`}\n    scopes = ${scopes}\n  }`;

const pool = (nodeConfig: string, extra = '') => y`
  resource "google_container_node_pool" "primary" {
    name    = "primary"
    cluster = google_container_cluster.main.id
    ${extra}
    ${nodeConfig}
  }
`;

ruleTester(rule, {
  valid: [
    // a user-managed account with cloud-platform is what Google recommends (IAM roles do the narrowing)
    { code: vm(sa('google_service_account.web.email', `["${FULL}"]`)), path: 'main.tf' },
    { code: vm(sa('"web@my-project.iam.gserviceaccount.com"', '["cloud-platform"]')), path: 'main.tf' },
    { code: vm(sa('var.service_account_email', '["cloud-platform"]')), path: 'main.tf' },
    // no service_account block: the VM has no account and no token
    { code: vm(''), path: 'main.tf' },
    // the default account with no scopes at all: no token for any API
    { code: vm(sa(undefined, '[]')), path: 'main.tf' },
    // GKE's own nodes
    { code: vm(sa(undefined, '["cloud-platform"]'), 'google_compute_instance', 'gke-main-default-pool-1a2b'), path: 'main.tf' },
    // an instance from a template without its own block: the template decides (judged where it is defined)
    { code: 'resource "google_compute_instance_from_template" "vm" {\n  name = "web"\n  source_instance_template = google_compute_instance_template.web.self_link_unique\n}\n', path: 'main.tf' },
    { code: vm(sa(undefined, '["cloud-platform"]')), path: 'main.tf', options: { allowResources: ['google_compute_instance.*'] } },
    // GKE nodes with their own account
    { code: pool('node_config {\n    service_account = google_service_account.nodes.email\n    oauth_scopes    = ["cloud-platform"]\n  }'), path: 'gke.tf' },
    // the default pool is removed right after creation: its node_config does not run workloads
    {
      code: y`
        resource "google_container_cluster" "main" {
          name                     = "main"
          remove_default_node_pool = true
          initial_node_count       = 1
          node_config {
            oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
          }
        }
      `,
      path: 'gke.tf',
    },
    // a node pool without node_config, a cluster without one: not judged
    { code: pool(''), path: 'gke.tf' },
    { code: 'resource "google_container_cluster" "main" {\n  name = "main"\n  enable_autopilot = true\n}\n', path: 'gke.tf' },
    // not Terraform
    { code: `service_account {\n  scopes = ["cloud-platform"]\n}\n# google_compute_instance\n`, path: 'notes.md' },
  ],
  invalid: [
    // no email: the provider attaches the default account
    { code: vm(sa(undefined, '["cloud-platform"]')), path: 'main.tf', count: 1, line: 6 },
    { code: vm(sa(`"${DEFAULT}"`, `["${FULL}"]`)), path: 'main.tf', count: 1, line: 6 },
    { code: vm(sa('data.google_compute_default_service_account.default.email', '["cloud-platform"]')), path: 'main.tf', count: 1, line: 6 },
    { code: vm(sa('"${var.project_number}-compute@developer.gserviceaccount.com"', '["userinfo-email", "cloud-platform"]'), 'google_compute_instance_template'), path: 'main.tf', count: 1, line: 6 },
    { code: vm(sa(undefined, '["cloud-platform"]'), 'google_compute_region_instance_template'), path: 'main.tf', count: 1 },
    { code: vm(sa(undefined, '["cloud-platform"]'), 'google_compute_instance_from_template'), path: 'main.tf', count: 1 },
    // narrower scopes: a low finding at the block (no email) or at the email
    { code: vm(sa(undefined, '["storage-ro", "logging-write"]')), path: 'main.tf', count: 1, line: 4 },
    { code: vm(sa(`"${DEFAULT}"`, 'var.scopes')), path: 'main.tf', count: 1, line: 5 },
    // dynamic "service_account" blocks
    {
      code: y`
        resource "google_compute_instance_template" "tpl" {
          name_prefix = "web-"
          dynamic "service_account" {
            for_each = [1]
            content {
              scopes = ["cloud-platform"]
            }
          }
        }
      `,
      path: 'main.tf',
      count: 1,
      line: 6,
    },
    // GKE: a node pool without its own account, with cloud-platform
    { code: pool('node_config {\n    machine_type = "e2-standard-4"\n    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]\n  }'), path: 'gke.tf', count: 1, line: 7 },
    { code: pool('node_config {\n    service_account = "default"\n    oauth_scopes    = ["cloud-platform"]\n  }'), path: 'gke.tf', count: 1, line: 7 },
    // GKE: the default account with the default scopes (low)
    { code: pool('node_config {\n    machine_type = "e2-standard-4"\n  }'), path: 'gke.tf', count: 1, line: 5 },
    {
      code: y`
        resource "google_container_cluster" "main" {
          name = "main"
          node_config {
            oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
          }
          node_pool {
            name = "extra"
            node_config {
              service_account = "${DEFAULT}"
              oauth_scopes    = ["cloud-platform"]
            }
          }
          node_pool {
            name = "own"
            node_config {
              service_account = google_service_account.nodes.email
              oauth_scopes    = ["cloud-platform"]
            }
          }
          cluster_autoscaling {
            enabled = true
            auto_provisioning_defaults {
              oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
            }
          }
        }
      `,
      path: 'gke.tf',
      count: 3,
    },
  ],
});

describe('scopes/gcp-default-compute-sa severity and messages', () => {
  const one = (code: string, path = 'main.tf') => runRule(rule, { code, path })[0]!;

  it('is high with cloud-platform and says why it matters', () => {
    const f = one(vm(sa(undefined, '["cloud-platform"]')));
    expect(f.severity).toBe('high');
    expect(f.confidence).toBe('high');
    expect(f.message).toMatch(/`google_compute_instance\.vm` runs as the Compute Engine default service account with the `cloud-platform` scope: every process on the VM can get a token/);
    expect(f.message).toMatch(/Editor on the project/);
  });

  it('is low with medium confidence with narrower scopes', () => {
    const f = one(vm(sa(`"${DEFAULT}"`, '["storage-ro"]')));
    expect(f.severity).toBe('low');
    expect(f.confidence).toBe('medium');
    expect(f.message).toMatch(new RegExp(`default service account \`${DEFAULT}\` \\(scopes \`storage-ro\`\\)`));
  });

  it('names the App Engine default account too', () => {
    expect(one(vm(sa('"my-project@appspot.gserviceaccount.com"', '["cloud-platform"]'))).message).toMatch(/App Engine default service account/);
  });

  it('names the node pool and the pods for GKE', () => {
    const f = one(pool('node_config {\n    oauth_scopes = ["cloud-platform"]\n  }'), 'gke.tf');
    expect(f.severity).toBe('high');
    expect(f.message).toMatch(
      /`google_container_node_pool\.primary` runs its nodes as the Compute Engine default service account with the `cloud-platform` scope: every pod that does not use Workload Identity/,
    );
    const low = one(pool('node_config {\n    machine_type = "e2-standard-4"\n  }'), 'gke.tf');
    expect(low.severity).toBe('low');
    expect(low.message).toMatch(/the GKE default scopes/);
  });

  it('keeps one fingerprint per resource and node pool', () => {
    const code = y`
      resource "google_container_cluster" "main" {
        name = "main"
        node_config {
          oauth_scopes = ["cloud-platform"]
        }
        node_pool {
          name = "extra"
          node_config {
            oauth_scopes = ["cloud-platform"]
          }
        }
      }
    `;
    const found = runRule(rule, { code, path: 'gke.tf' });
    expect(found.map((f) => f.message.split(' runs')[0])).toEqual(['The default node pool of `google_container_cluster.main`', 'Node pool `extra` of `google_container_cluster.main`']);
    expect(new Set(found.map((f) => f.fingerprint)).size).toBe(2);
  });
});
