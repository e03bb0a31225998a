import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { pullRequestEvent, sha } from '../fixtures/webhooks/index.js';
import { setup, TODAY, type Harness } from './helpers/harness.js';

const REPO = 'acme/api';
const HEAD = sha('head');
const BASE = sha('base');
const POLICY = '.github/tokenwarden.yml';
const INVENTORY = '.github/token-inventory.yml';
const RELEASE = '.github/workflows/release.yml';

/** A PR-file patch: the head's lines as additions after the base's as context (enough for the App). */
const patchOf = (base: string, head: string): string => {
  const b = base ? base.replace(/\n$/, '').split('\n') : [];
  const h = head.replace(/\n$/, '').split('\n');
  return `@@ -${b.length ? 1 : 0},${b.length} +1,${h.length} @@\n${[...b.map((l) => `-${l}`), ...h.map((l) => `+${l}`)].join('\n')}`;
};

const completion = (h: Harness) => h.github.checkRuns.get(1)!.updates[0];
const annotated = (h: Harness): Array<{ path: string; title: string; start_line: number }> => completion(h).output.annotations;
const contentsReads = (h: Harness) =>
  h.github.requests.filter((r) => r.method === 'GET' && r.path.startsWith(`/repos/${REPO}/contents/`)).map((r) => `${r.query.get('ref')}:${r.path.replace(/^.*\/contents\//, '')}`);

/** Five workflow secrets at the head: two undeclared, one overdue, one expiring in 5 days, one healthy. */
const INVENTORY_TEXT = `version: 1
credentials:
  - name: NPM_TOKEN
    kind: fine-grained-pat
    provider: npm
    owner: "@alice"
    rotation_days: 90
    last_rotated: 2026-02-01
    expires: 2026-12-31
    used_in: [${RELEASE}]
  - name: DEPLOY_TOKEN
    kind: fine-grained-pat
    provider: github
    owner: "@acme/platform"
    rotation_days: 90
    last_rotated: 2026-04-01
    expires: 2026-06-20
    used_in: [${RELEASE}]
  - name: CODECOV_TOKEN
    kind: fine-grained-pat
    provider: codecov
    owner: "@bob"
    rotation_days: 90
    last_rotated: 2026-05-01
    expires: 2026-10-01
    used_in: [${RELEASE}]
`;

const workflow = (extraEnv: string[] = [], permissions = 'permissions:\n  contents: read\n'): string => `name: release
on: push
${permissions}jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
          TOKEN: \${{ secrets.DEPLOY_TOKEN }}
          CODECOV: \${{ secrets.CODECOV_TOKEN }}
${extraEnv.map((l) => `          ${l}\n`).join('')}`;

afterEach(() => {
  nock.cleanAll();
});

describe('structural rules on a pull request: whole files, head against base', () => {
  it('the judged rotation scenario: a PR that touches a workflow and adds the inventory gets exactly the four rotation findings', async () => {
    expect(TODAY.toISOString().slice(0, 10)).toBe('2026-06-15');
    const h = await setup();
    h.github.file(REPO, POLICY, 'rules:\n  rotation/credential-expiring:\n    options:\n      warnDays: 14\n', 'main');
    const before = workflow();
    const after = workflow(['SLACK: ${{ secrets.SLACK_WEBHOOK_URL }}', 'SENTRY: ${{ secrets.SENTRY_AUTH_TOKEN }}']);
    h.github.file(REPO, RELEASE, before, BASE).file(REPO, RELEASE, after, HEAD).file(REPO, INVENTORY, INVENTORY_TEXT, HEAD);
    h.github.blob('wf-head', after).blob('inv-head', INVENTORY_TEXT);
    h.github.pull(REPO, {
      number: 12,
      headSha: HEAD,
      files: [
        { filename: RELEASE, status: 'modified', sha: 'wf-head', patch: patchOf(before, after) },
        { filename: INVENTORY, status: 'added', sha: 'inv-head', patch: patchOf('', INVENTORY_TEXT) },
      ],
    });
    await h.receive('pull_request', pullRequestEvent('synchronize', { number: 12, headSha: HEAD, changedFiles: 2 }));

    expect(h.github.unknown.filter((r) => !/\/contents\//.test(r.path))).toEqual([]);
    const found = annotated(h).map((a) => `${a.title.replace(/ \(.*$/, '')} ${a.path}:${a.start_line}`);
    expect(found.sort()).toEqual(
      [`rotation/credential-expiring ${INVENTORY}:17`, `rotation/credential-overdue ${INVENTORY}:8`, `rotation/inventory-missing ${RELEASE}:14`, `rotation/inventory-missing ${RELEASE}:15`].sort(),
    );
    // Bounded reads: 2 blobs (heads); the workflow at the base; per side one listing, the inventory
    // (.yml, then .yaml when absent) and the workflow once (the head's from the blob).
    expect(h.github.requests.filter((r) => /\/git\/blobs\//.test(r.path))).toHaveLength(2);
    expect(contentsReads(h).sort()).toEqual(
      [`main:${POLICY}`, `${BASE}:${RELEASE}`, `${HEAD}:.github/workflows`, `${BASE}:.github/workflows`, `${BASE}:${INVENTORY}`, `${BASE}:.github/token-inventory.yaml`].sort(),
    );
  });

  it('a PR that adds a secret to a workflow, the inventory unchanged, gets the new undeclared secret and the state of the others', async () => {
    const h = await setup();
    const before = workflow();
    const after = workflow(['SLACK: ${{ secrets.SLACK_WEBHOOK_URL }}']);
    h.github.file(REPO, INVENTORY, INVENTORY_TEXT);
    h.github.file(REPO, RELEASE, before, BASE).file(REPO, RELEASE, after, HEAD);
    h.github.blob('wf-head', after);
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: RELEASE, status: 'modified', sha: 'wf-head', patch: patchOf(before, after) }] });
    await h.receive('pull_request', pullRequestEvent('synchronize', { number: 12, headSha: HEAD }));
    // The new undeclared secret, and the state of the credentials the change touches: overdue and
    // expiring were so at the base too, but a reviewer of a credential change should see them.
    expect(
      annotated(h)
        .map((a) => `${a.title.replace(/ \(.*$/, '')} ${a.path}:${a.start_line}`)
        .sort(),
    ).toEqual([`rotation/credential-overdue ${INVENTORY}:8`, `rotation/credential-expiring ${INVENTORY}:17`, `rotation/inventory-missing ${RELEASE}:14`].sort());
  });

  it('a PR that edits only the inventory is judged against the workflows', async () => {
    const h = await setup();
    const wf = workflow(['SLACK: ${{ secrets.SLACK_WEBHOOK_URL }}']);
    const withSlack = `${INVENTORY_TEXT}  - name: SLACK_WEBHOOK_URL
    kind: webhook
    provider: slack
    owner: "@bob"
    rotation_days: 90
    last_rotated: 2026-05-01
    expires: 2026-10-01
    used_in: [${RELEASE}]
`;
    // The base declares SLACK_WEBHOOK_URL; the PR removes it.
    h.github.file(REPO, RELEASE, wf);
    h.github.file(REPO, INVENTORY, withSlack, BASE).file(REPO, INVENTORY, INVENTORY_TEXT, HEAD);
    h.github.blob('inv-head', INVENTORY_TEXT);
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: INVENTORY, status: 'modified', sha: 'inv-head', patch: patchOf(withSlack, INVENTORY_TEXT) }] });
    await h.receive('pull_request', pullRequestEvent('synchronize', { number: 12, headSha: HEAD }));
    expect(
      annotated(h)
        .map((a) => `${a.title.replace(/ \(.*$/, '')} ${a.path}:${a.start_line}`)
        .sort(),
    ).toEqual([`rotation/credential-overdue ${INVENTORY}:8`, `rotation/credential-expiring ${INVENTORY}:17`, `rotation/inventory-missing ${RELEASE}:14`].sort());
  });

  it('a workflow PR that adds `permissions: write-all` gets the scope finding; a problem already in the file does not', async () => {
    const h = await setup();
    // Already at the base: a job-level write and a checkout that persists credentials are left alone.
    const before = `name: ci
on: pull_request
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
      - run: make
`;
    const after = before.replace('on: pull_request\n', 'on: pull_request\npermissions: write-all\n');
    const path = '.github/workflows/ci.yml';
    h.github.file(REPO, path, before, BASE).file(REPO, path, after, HEAD);
    h.github.blob('ci-head', after);
    h.github.pull(REPO, {
      number: 12,
      headSha: HEAD,
      files: [{ filename: path, status: 'modified', sha: 'ci-head', patch: '@@ -1,3 +1,4 @@\n name: ci\n on: pull_request\n+permissions: write-all\n jobs:' }],
    });

    await h.receive('pull_request', pullRequestEvent('synchronize', { number: 12, headSha: HEAD }));
    const ids = annotated(h).map((a) => `${a.title.replace(/ \(.*$/, '')} ${a.path}:${a.start_line}`);
    expect(ids).toContain(`scopes/workflow-write-all ${path}:3`);
    expect(ids.every((id) => id.endsWith(`${path}:3`))).toBe(true);

    // The same head as a new file: the pre-existing problems are reported too (they are real findings).
    const fresh = await setup();
    fresh.github.file(REPO, path, after, HEAD).blob('ci-head', after);
    fresh.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: path, status: 'added', sha: 'ci-head', patch: patchOf('', after) }] });
    await fresh.receive('pull_request', pullRequestEvent('synchronize', { number: 12, headSha: HEAD }));
    const all = annotated(fresh).map((a) => `${a.title.replace(/ \(.*$/, '')} ${a.path}:${a.start_line}`);
    expect(all).toContain(`scopes/workflow-write-all ${path}:3`);
    expect(all.filter((id) => !id.endsWith(`${path}:3`)).length).toBeGreaterThan(0);
  });
  it('a PR adding a Kubernetes binding is judged against a role defined in an unchanged file at the head (one tree listing, one blob per YAML file searched)', async () => {
    const h = await setup();
    const roles = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: pod-admin
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["*"]
`;
    const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-deployer
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: pod-admin
`;
    const path = 'deploy/bindings/admin.yaml';
    h.github.blob('binding-head', binding).blob('roles-blob', roles).blob('values-blob', 'replicas: 2\n');
    h.github.trees.set(`${REPO}:${HEAD}`, [
      { path: 'README.md', sha: 'readme-blob' },
      { path: 'deploy/rbac/roles.yaml', sha: 'roles-blob' },
      { path: 'deploy/values.yml', sha: 'values-blob' },
      { path, sha: 'binding-head' },
    ]);
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: path, status: 'added', sha: 'binding-head', patch: patchOf('', binding) }] });
    await h.receive('pull_request', pullRequestEvent('synchronize', { number: 12, headSha: HEAD }));
    const ids = annotated(h).map((a) => `${a.title.replace(/ \(.*$/, '')} ${a.path}:${a.start_line}`);
    expect(ids).toEqual([`scopes/k8s-binding-privileged-role ${path}:12`]);
    // The head's tree once; the binding's blob, and one blob per other YAML file (not README.md).
    expect(h.github.requests.filter((r) => /\/git\/trees\//.test(r.path)).map((r) => r.path)).toEqual([`/repos/${REPO}/git/trees/${HEAD}`]);
    expect(
      h.github.requests
        .filter((r) => /\/git\/blobs\//.test(r.path))
        .map((r) => r.path.replace(/^.*\//, ''))
        .sort(),
    ).toEqual(['binding-head', 'roles-blob', 'values-blob']);
  });

  it('a binding whose role was not found while a manifest could not be read is listed as not judged, naming the unread file', async () => {
    const h = await setup();
    const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: b
  namespace: ci
roleRef:
  kind: Role
  name: r
`;
    const path = 'k8s/binding.yaml';
    h.github.blob('binding-head', binding);
    h.github.trees.set(`${REPO}:${HEAD}`, [
      { path: 'k8s/roles.yaml', sha: 'missing-blob' },
      { path, sha: 'binding-head' },
    ]);
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: path, status: 'added', sha: 'binding-head', patch: patchOf('', binding) }] });
    await h.receive('pull_request', pullRequestEvent('synchronize', { number: 12, headSha: HEAD }));
    const done = completion(h);
    expect(done.conclusion).toBe('failure');
    expect(done.output.summary).toContain('`k8s/binding.yaml`');
    expect(done.output.summary).toMatch(
      /RoleBinding `b` binds the Role `r`, which is not among the roles read \(1 manifest file\(s\) the search for Kubernetes roles could not read \(k8s\/roles\.yaml: could not be read \(404\)/,
    );
  });
  it('a manifest that could not be read does not fail a binding whose role was found elsewhere', async () => {
    const h = await setup();
    const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: b
  namespace: ci
roleRef:
  kind: Role
  name: reader
`;
    const role = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
  namespace: ci
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["get", "list"]
`;
    const path = 'k8s/binding.yaml';
    h.github.blob('binding-head', binding);
    h.github.blob('role-blob', role);
    h.github.trees.set(`${REPO}:${HEAD}`, [
      { path: 'k8s/roles.yaml', sha: 'role-blob' },
      { path: 'fixtures/big.json', sha: 'missing-blob' },
      { path, sha: 'binding-head' },
    ]);
    h.github.pull(REPO, { number: 13, headSha: HEAD, files: [{ filename: path, status: 'added', sha: 'binding-head', patch: patchOf('', binding) }] });
    await h.receive('pull_request', pullRequestEvent('synchronize', { number: 13, headSha: HEAD }));
    const done = completion(h);
    expect(done.conclusion, done.output.summary).toBe('success');
    expect(done.output.summary).not.toContain('fixtures/big.json');
  });
});
